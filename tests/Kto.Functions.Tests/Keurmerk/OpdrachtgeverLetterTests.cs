using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Functions.Tests.Letters;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>
/// An opdrachtgever (Blik op Werk) without e-mail but with a postal address gets a letter on the real stack (Kto.Local,
/// Azurite, poppler): in the clients' batch, addressed to the organisation for the attention of its contact person,
/// with the opdrachtgever text and questionnaire behind it; its code opens the opdrachtgever questionnaire; posting
/// records its letter in the opdrachtgevers' attempts once, and the Keurmerk figures count it as approached by letter.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class OpdrachtgeverLetterTests(LocalStack stack)
{
    [Fact]
    public async Task An_opdrachtgever_with_only_an_address_gets_a_letter_with_its_own_questionnaire_and_is_counted_approached_by_letter()
    {
        var (company, _) = await stack.NewCompanyAsync("ogbrief");
        var domain = company + ".og.test";
        var year = Invitations.Year;
        var end = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await stack.DeliverAsync(company, "klanten.csv", Encoding.UTF8.GetBytes(
            $"{LetterBatchTests.Header}\nC1;P.J.;van der;Berg;;;Kerkstraat 12;1234 AB;Utrecht;Naar werk;{end}\n"));
        // Werkgever BV: no e-mail, an address: a letter. Gemeente Zeist has e-mail (and an address): no letter.
        var list = Encoding.UTF8.GetBytes(string.Join("\n",
            "organisatie;contactpersoon;email;telefoon;aantal trajecten;adres;postcode;woonplaats;jaar",
            $"Werkgever BV;Kees Jansen;;;4;Stationsplein 1;3511 AB;Utrecht;{year}",
            $"Gemeente Zeist;Piet Smit;piet@{domain};;3;Slotlaan 1;3701 GK;Zeist;{year}") + "\n");
        Assert.Equal(2, (await stack.DeliverAsync(company, "opdrachtgevers.csv", list)).GetProperty("accepted").GetInt32());

        var api = stack.Api();
        var made = await api.MakeLetterBatchAndWaitAsync(company, year);
        Assert.Equal("open", made.JsonString("status"));
        Assert.Equal(2, made.Json().GetProperty("letters").GetInt32());
        var (status, pdf) = await api.DownloadAsync(made.JsonString("pdf")!);
        Assert.Equal(200, status);

        // Page n is pages[n - 1].
        var pages = LetterPdf.Pages(pdf).Select(p => Regex.Replace(p, @"\s+", " ")).ToList();
        var letterPage = pages.FindIndex(p => p.Contains("Onderzoek naar de samenwerking met")) + 1;
        Assert.True(letterPage > 1, "the opdrachtgever's letter follows the client's");
        var window = LetterPdf.Text(pdf, letterPage, LetterPdf.Window);
        Assert.Contains("Werkgever BV", window);
        Assert.Contains("T.a.v. Kees Jansen", window);
        Assert.Contains("Stationsplein 1", window);
        Assert.Matches(@"3511 AB\s+UTRECHT", window);
        var letter = pages[letterPage - 1];
        Assert.Contains("Beste Kees Jansen,", letter);
        Assert.Contains("Blik op Werk Keurmerk", letter);
        Assert.Contains("Uw organisatie gaf", letter);
        Assert.DoesNotContain("begeleiding", letter);
        Assert.DoesNotContain("Zeist", string.Concat(pages)); // the opdrachtgever with e-mail gets no letter

        // Behind it the opdrachtgever questionnaire with the same code, not the clients'.
        var code = LetterBatchTests.CodePattern().Match(letter).Value;
        Assert.NotEmpty(code);
        var form = string.Concat(pages.Skip(letterPage));
        Assert.Contains($"Code: {code}", form);
        Assert.Contains("Welk rapportcijfer geeft u de samenwerking met dit bedrijf?", form);
        Assert.Contains("Wij zouden dit bedrijf opnieuw een opdracht geven.", form);
        Assert.DoesNotContain("Uw begeleider", form);
        // The client's letter before it is the client's as ever, with the clients' questionnaire.
        var client = string.Concat(pages.Take(letterPage - 1));
        Assert.Contains("Onderzoek naar uw begeleiding bij", client);
        Assert.Contains("Uw begeleider luisterde naar u", client);
        Assert.DoesNotContain("opnieuw een opdracht", client);

        // The code at /k and the QR code open the opdrachtgever questionnaire.
        using var browserless = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(stack.BaseUrl) };
        browserless.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        var answer = await browserless.PostAsync("/k", new FormUrlEncodedContent([new("code", code)]));
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        foreach (var path in new[] { answer.Headers.Location!.OriginalString, LetterPdf.Qr(pdf, letterPage)![stack.BaseUrl.Length..] })
        {
            var opened = await new SurveyClient(stack).GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, opened.Status);
            Assert.Contains("name=\"cijfer-resultaten\"", opened.Html);
            Assert.DoesNotContain("name=\"begeleider-luistert\"", opened.Html);
        }

        // Posted (twice): one letter attempt each, the opdrachtgever's in the opdrachtgevers' attempts.
        var batch = made.JsonString("id")!;
        var first = await api.MarkLettersPostedAsync(company, batch);
        var second = await api.MarkLettersPostedAsync(company, batch);
        Assert.Equal((200, 2), (first.Status, first.Json().GetProperty("recorded").GetInt32()));
        Assert.Equal(0, second.Json().GetProperty("recorded").GetInt32());
        var store = stack.Services.GetRequiredService<IOpdrachtgeverStore>();
        var posted = Assert.Single(await store.AttemptsAsync(company, year, default).ToListAsync());
        Assert.Equal((OpdrachtgeverIds.Of("Werkgever BV"), ContactMode.Letter, AttemptOutcome.Sent), (posted.Service.ServiceId, posted.Mode, posted.Outcome));
        var clientLetters = await stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, year, default).ToListAsync();
        Assert.DoesNotContain(clientLetters, a => OpdrachtgeverIds.IsOpdrachtgever(a.Service.ServiceId));
        Assert.Single(clientLetters, a => a.Mode == ContactMode.Letter);

        // The Keurmerk figures: one opdrachtgever approached, by letter.
        using var bureau = stack.Bureau();
        var json = JsonDocument.Parse(await bureau.GetStringAsync($"/api/keurmerk/{year}/{company}/keurmerk.json")).RootElement.GetProperty("opdrachtgevers");
        var approached = json.GetProperty("approachedByMode");
        Assert.Equal((1, 0, 1, 0), (json.GetProperty("approached").GetInt32(), approached.GetProperty("email").GetInt32(),
            approached.GetProperty("letter").GetInt32(), approached.GetProperty("phone").GetInt32()));
    }
}
