using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Functions.Tests.Letters;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>
/// An opdrachtgever (Blik op Werk) e-mail cannot reach is on the bureau's offline list like a client, on the real stack
/// (Kto.Local, Azurite): on the fieldwork page after the clients, named by its contact person and organisation and
/// marked as an opdrachtgever; in the offline CSV with its own link; a letter recorded for it on the page lands in the
/// opdrachtgevers' attempts and counts as approached by letter in the Keurmerk figures.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class OpdrachtgeverFieldworkTests(LocalStack stack)
{
    [Fact]
    public async Task An_opdrachtgever_without_email_is_on_the_fieldwork_page_and_the_offline_list_and_a_letter_recorded_there_counts_for_it()
    {
        var (company, _) = await stack.NewCompanyAsync("ogveld");
        var year = Invitations.Year;
        var end = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        await stack.DeliverAsync(company, "klanten.csv", Encoding.UTF8.GetBytes(
            $"{LetterBatchTests.Header}\nC1;P.J.;van der;Berg;;;Kerkstraat 12;1234 AB;Utrecht;Naar werk;{end}\n"));
        var list = Encoding.UTF8.GetBytes(string.Join("\n",
            "organisatie;contactpersoon;email;telefoon;aantal trajecten;adres;postcode;woonplaats;jaar",
            $"Werkgever BV;Kees Jansen;;0301234567;4;Stationsplein 1;3511 AB;Utrecht;{year}",
            $"Gemeente Zeist;Piet Smit;piet@{company}.og.test;;3;Slotlaan 1;3701 GK;Zeist;{year}") + "\n");
        Assert.Equal(2, (await stack.DeliverAsync(company, "opdrachtgevers.csv", list)).GetProperty("accepted").GetInt32());

        var bureauEmail = $"ogveld-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var portal = new PortalClient(stack);
        await portal.SignInAsync(bureauEmail);
        var action = $"/portal/bureau/fieldwork/{company}";
        var html = await portal.Http.GetStringAsync($"{action}?year={year}");

        var og = OpdrachtgeverIds.Of("Werkgever BV");
        var ids = Regex.Matches(html, "name=\"service\" id=\"client-\\d+\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ids.Count); // the client and Werkgever BV; Gemeente Zeist has e-mail
        Assert.Equal(og, ids[1]);   // opdrachtgevers after the clients
        var text = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));
        Assert.Matches(@"Kees Jansen\s+\(Werkgever BV\)", text);
        Assert.Contains("Opdrachtgever (Blik op Werk)", text);
        Assert.Contains("Stationsplein 1, 3511 AB Utrecht", text);
        Assert.DoesNotContain("Gemeente Zeist", text);

        var csv = (await stack.Bureau().GetStringAsync($"/api/companies/{company}/offline-contacts?year={year}")).TrimStart('\uFEFF');
        var line = Assert.Single(csv.Split('\n'), l => l.Contains(og));
        Assert.Contains("\"Werkgever BV\";\"Opdrachtgever (Blik op Werk)\"", line);
        Assert.Contains("/s?t=", line);

        var step = Regex.Match(html, $"name=\"step-{Regex.Escape(og)}\" value=\"(\\d+)\"").Groups[1].Value;
        var posted = await portal.PostFormAsync(action, new()
        {
            ["_csrf"] = PortalClient.FormToken(html), ["year"] = year.ToString(CultureInfo.InvariantCulture), ["service"] = og,
            [$"step-{og}"] = step, ["attempt"] = "letter:sent",
        });
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);

        var attempt = Assert.Single(await stack.Services.GetRequiredService<IOpdrachtgeverStore>().AttemptsAsync(company, year, default).ToListAsync());
        Assert.Equal((og, ContactMode.Letter, AttemptOutcome.Sent), (attempt.Service.ServiceId, attempt.Mode, attempt.Outcome));
        var clientAttempts = await stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, year, default).ToListAsync();
        Assert.Empty(clientAttempts);
        using var bureau = stack.Bureau();
        var figures = JsonDocument.Parse(await bureau.GetStringAsync($"/api/keurmerk/{year}/{company}/keurmerk.json")).RootElement.GetProperty("opdrachtgevers");
        Assert.Equal((1, 1), (figures.GetProperty("approached").GetInt32(), figures.GetProperty("approachedByMode").GetProperty("letter").GetInt32()));
    }
}
