using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;
using Kto.Core.Survey;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Letters;

/// <summary>
/// Letters through the real function classes, Azurite and poppler: the batch PDF (address in the envelope window,
/// code, QR code that opens the questionnaire), /k with the code, posting twice, a replaced batch, reminders.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class LetterBatchTests(LocalStack stack)
{
    public const string Header = "klantnummer;voorletters;tussenvoegsel;achternaam;email;telefoon;adres;postcode;woonplaats;perceel;einddatum";

    /// <summary>Three clients: one for a letter, one with e-mail, one with only a phone number.</summary>
    public static byte[] Export(DateTime end, string prefix = "L") => Encoding.UTF8.GetBytes(string.Join("\n",
        Header,
        $"{prefix}1;P.J.;van der;Berg;;0612345678;Kerkstraat 12;1234 AB;Utrecht;Naar werk;{end:dd-MM-yyyy}",
        $"{prefix}2;A.;;Mail;a@example.nl;;Laan 3;4321 BA;Zwolle;Naar werk;{end:dd-MM-yyyy}",
        $"{prefix}3;B.;;Bel;;0687654321;;;;Werkfit maken;{end:dd-MM-yyyy}") + "\n");

    [GeneratedRegex("[34679ACEFHJKMNPQRTWXY]{4}-[34679ACEFHJKMNPQRTWXY]{4}")]
    public static partial Regex CodePattern();

    [Fact]
    public async Task The_paper_form_says_each_scale_end_once_in_readable_type_and_the_letter_offers_phone_post_and_a_return_address()
    {
        var (company, _) = await stack.NewCompanyAsync("papier", " B.V.");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", Export(end, "F"));
        var made = await stack.Api().MakeLetterBatchAndWaitAsync(company, end.Year);
        Assert.Equal("open", made.JsonString("status"));
        var (_, pdf) = await stack.Api().DownloadAsync(made.JsonString("pdf")!);

        var form = string.Concat(LetterPdf.Text(pdf, 2), LetterPdf.Text(pdf, 3));
        Assert.Contains("1 = heel slecht, 10 = heel goed", form);
        Assert.Contains("0 = zeker niet", form);
        Assert.DoesNotContain("1 = 1 =", form);
        Assert.DoesNotContain("0 = 0 =", form);
        Assert.Contains("Antwoordnummer 54321", form); // where the form goes without the envelope

        // The question texts are printed at 11.5 pt (the letter's 10 pt was too small and dense for many readers).
        var question = LetterPdf.Words(pdf, 2).Where(w => w.Word == "rapportcijfer").ToList();
        Assert.NotEmpty(question);
        Assert.All(question, w => Assert.True(w.Height >= 12.5, $"'{w.Word}' is {w.Height:0.0} pt high"));

        // Someone without e-mail can opt out by phone or by post, and sees where to send the form.
        var letter = System.Text.RegularExpressions.Regex.Replace(LetterPdf.Text(pdf, 1), @"\s+", " ");
        Assert.Contains("Bel ons op 020 765 43 21", letter);
        Assert.Contains("Postbus 4321, 1000 AB Amsterdam", letter);
        Assert.Contains("Antwoordnummer 54321, 1000 VB Amsterdam", letter);
        // A sentence that ends with the company's name has one full stop, also after "B.V.".
        Assert.Contains($"Wij doen dit onderzoek voor Test Re-integratie {company} B.V. UWV verplicht", letter);
        Assert.DoesNotContain("B.V..", letter);
    }

    [Fact]
    public async Task A_batch_puts_the_address_in_the_window_prints_the_code_and_its_QR_code_opens_the_questionnaire()
    {
        var (company, _) = await stack.NewCompanyAsync("brief");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", Export(end));
        var api = stack.Api();

        var made = await api.MakeLetterBatchAndWaitAsync(company, end.Year);
        Assert.Equal("open", made.JsonString("status"));
        Assert.Equal(1, made.Json().GetProperty("letters").GetInt32());
        var (status, pdf) = await api.DownloadAsync(made.JsonString("pdf")!);
        Assert.Equal(200, status);

        var window = LetterPdf.Text(pdf, 1, LetterPdf.Window);
        Assert.Contains("P.J. van der Berg", window);
        Assert.Contains("Kerkstraat 12", window);
        Assert.Matches(@"1234 AB\s+UTRECHT", window);
        Assert.DoesNotContain("Mail", window); // the client with e-mail gets no letter
        Assert.False(CodePattern().IsMatch(window), "the code stays out of the window");

        var page1 = LetterPdf.Text(pdf, 1);
        var code = CodePattern().Match(page1).Value;
        Assert.NotEmpty(code);
        Assert.Contains($"{stack.BaseUrl}/k", page1);
        Assert.Contains("AVG", page1);
        Assert.Contains("Testbureau Onderzoek", page1);
        Assert.Contains($"Code: {code}", LetterPdf.Text(pdf, 2)); // the paper form behind the letter carries the same code
        Assert.Single(CodePattern().Matches(string.Concat(Enumerable.Range(1, 2).Select(p => LetterPdf.Text(pdf, p)))).Select(m => m.Value).Distinct());

        // The QR code, read from the rendered page, is the personal link: it opens the questionnaire.
        var link = LetterPdf.Qr(pdf, 1);
        Assert.NotNull(link);
        Assert.StartsWith($"{stack.BaseUrl}/s?t=", link);
        var opened = await new SurveyClient(stack).GetAsync(link[stack.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Contains("name=\"rapportcijfer\"", opened.Html);

        // The code at /k (lower case, spaces, no dash) leads into the same questionnaire.
        using var browserless = NoRedirects();
        var typed = code.ToLowerInvariant().Replace("-", " ");
        var answer = await browserless.PostAsync("/k", new FormUrlEncodedContent([new("code", typed)]));
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var location = answer.Headers.Location!.OriginalString;
        Assert.StartsWith("/s?t=", location);
        var viaCode = await new SurveyClient(stack).GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, viaCode.Status);
        Assert.Contains("name=\"rapportcijfer\"", viaCode.Html);
    }

    [Fact]
    public async Task Posting_a_batch_twice_records_one_letter_attempt_per_client_and_a_replaced_batch_cannot_be_posted()
    {
        var (company, _) = await stack.NewCompanyAsync("post");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", Export(end, "P"));
        var api = stack.Api();

        var replaced = (await api.MakeLetterBatchAndWaitAsync(company, end.Year)).JsonString("id")!;
        var current = (await api.MakeLetterBatchAndWaitAsync(company, end.Year)).JsonString("id")!;
        var refused = await api.MarkLettersPostedAsync(company, replaced);
        Assert.Equal(409, refused.Status);
        Assert.Equal("batch-replaced", refused.JsonString("error"));
        Assert.Equal(404, (await api.DownloadAsync($"/api/companies/{company}/letter-batches/{replaced}/letters.pdf")).Status);

        var first = await api.MarkLettersPostedAsync(company, current);
        var second = await api.MarkLettersPostedAsync(company, current);
        Assert.Equal(200, first.Status);
        Assert.Equal(1, first.Json().GetProperty("recorded").GetInt32());
        Assert.False(first.Json().GetProperty("alreadyPosted").GetBoolean());
        Assert.Equal(0, second.Json().GetProperty("recorded").GetInt32());
        Assert.True(second.Json().GetProperty("alreadyPosted").GetBoolean());

        var attempts = await Attempts(company, end.Year);
        var letter = Assert.Single(attempts, a => a.Mode == ContactMode.Letter);
        Assert.Equal(AttemptOutcome.Sent, letter.Outcome);
        var progress = (await api.GetProgressAsync(company, end.Year)).Json();
        var naarWerk = progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        Assert.True(naarWerk.GetProperty("approached").GetInt32() >= 1);

        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.LettersMade && e.Company == company && e.Detail.Contains(current));
        Assert.Single(audit, e => e.Action == AuditActions.LettersPosted && e.Company == company && e.Detail.Contains(current));

        // Nothing more is due right after posting.
        var none = await api.MakeLetterBatchAndWaitAsync(company, end.Year);
        Assert.Equal(200, none.Status);
        Assert.Equal(0, none.Json().GetProperty("letters").GetInt32());
    }

    [Fact]
    public async Task A_reminder_letter_follows_after_the_reminder_days_and_not_to_a_client_who_answered()
    {
        var (company, _) = await stack.NewCompanyAsync("herin");
        var end = DateTime.Today.AddDays(-20);
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", Header,
            $"R1;A.;;Een;;;Straat 1;1111 AA;Delft;Naar werk;{end:dd-MM-yyyy}",
            $"R2;B.;;Twee;;;Straat 2;2222 BB;Delft;Naar werk;{end:dd-MM-yyyy}") + "\n");
        await stack.DeliverAsync(company, "herinnering.csv", csv);
        var api = stack.Api();
        var byKlant = await ServicesByKlantnummer(company, end.Year);
        // Both got their first letter 8 days ago (recorded by hand through the attempts API).
        using var bureau = stack.Bureau();
        foreach (var id in byKlant.Values)
        {
            var recorded = await bureau.PostAsync($"/api/companies/{company}/attempts", JsonBody(new
            {
                year = end.Year, service = id, mode = "letter", outcome = "sent", at = DateTimeOffset.UtcNow.AddDays(-8),
            }));
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }
        // R2 answers through a personal link.
        var tokens = stack.Services.GetRequiredService<Kto.Core.Survey.ISurveyTokenStore>();
        var (token, hash) = Kto.Core.Survey.SurveyToken.New();
        await tokens.SaveAsync(hash, new Kto.Core.Survey.ServiceRef(company, end.Year, byKlant["R2"]), default);
        var thanks = await new SurveyClient(stack).AnswerAsync(token, SurveyClient.ValidAnswers());
        Assert.Equal(HttpStatusCode.OK, thanks.Status);

        var made = await api.MakeLetterBatchAndWaitAsync(company, end.Year);
        Assert.Equal("open", made.JsonString("status"));
        Assert.Equal(0, made.Json().GetProperty("firstLetters").GetInt32());
        Assert.Equal(1, made.Json().GetProperty("reminderLetters").GetInt32());
        var (_, pdf) = await api.DownloadAsync(made.JsonString("pdf")!);
        var text = LetterPdf.Text(pdf, 1);
        Assert.Contains("Herinnering", text);
        Assert.Contains("A. Een", LetterPdf.Text(pdf, 1, LetterPdf.Window));
        Assert.DoesNotContain("Twee", string.Concat(Enumerable.Range(1, 3).Select(p => LetterPdf.Text(pdf, p))));
    }

    [Fact]
    public async Task Wrong_codes_get_a_Dutch_message_and_too_many_from_one_address_are_refused_also_for_a_right_code()
    {
        var (company, _) = await stack.NewCompanyAsync("raad");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", Export(end, "G"));
        var made = await stack.Api().MakeLetterBatchAndWaitAsync(company, end.Year);
        var (_, pdf) = await stack.Api().DownloadAsync(made.JsonString("pdf")!);
        var code = CodePattern().Match(LetterPdf.Text(pdf, 1)).Value;

        var client = new SurveyClient(stack);
        var malformed = await client.PostAsync("/k", [new("code", "K7PX")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.Status);
        Assert.Contains("8 tekens", malformed.Html);
        for (var i = 0; i < 10; i++)
        {
            var wrong = await client.PostAsync("/k", [new("code", "AAAA-AAAA")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
            Assert.Contains("Deze code kennen wij niet", wrong.Html);
        }
        var refused = await client.PostAsync("/k", [new("code", code)]);
        Assert.Equal((HttpStatusCode)429, refused.Status);
        Assert.Contains("te vaak een verkeerde code", refused.Html);
        Assert.True(refused.Response.Headers.Contains("Retry-After"));

        using var other = NoRedirects("10.99.0.1");
        Assert.Equal(HttpStatusCode.SeeOther, (await other.PostAsync("/k", new FormUrlEncodedContent([new("code", code)]))).StatusCode);
    }

    [Fact]
    public async Task The_paper_page_sends_a_bureau_user_from_a_code_to_that_clients_entry_page()
    {
        var (company, _) = await stack.NewCompanyAsync("papier");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", Export(end, "Q"));
        var made = await stack.Api().MakeLetterBatchAndWaitAsync(company, end.Year);
        var (_, pdf) = await stack.Api().DownloadAsync(made.JsonString("pdf")!);
        var code = CodePattern().Match(LetterPdf.Text(pdf, 2)).Value;
        var service = Assert.Single(await ServiceIdsWithoutEmailAndAddress(company, end.Year));

        var bureauEmail = $"papier-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var portal = new PortalClient(stack);
        await portal.SignInAsync(bureauEmail);
        var form = await portal.Http.GetStringAsync("/portal/bureau/paper");
        Assert.Contains("<label for=\"code\">Code</label>", form);

        var found = await portal.PostFormAsync("/portal/bureau/paper", new() { ["_csrf"] = PortalClient.FormToken(form), ["code"] = code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.SeeOther, found.StatusCode);
        Assert.Equal($"/portal/bureau/companies/{company}/answers/{service}?year={end.Year}&mode=paper", found.Headers.Location!.OriginalString);

        var unknown = await portal.PostFormAsync("/portal/bureau/paper", new() { ["_csrf"] = PortalClient.FormToken(form), ["code"] = "AAAA-AAAA" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
    }

    [Fact]
    public async Task Retention_deletes_a_years_letter_pdfs_with_its_contact_data_and_its_codes_with_its_links()
    {
        var (company, _) = await stack.NewCompanyAsync("bewaar");
        await stack.DeliverAsync(company, "brieven.csv", Export(new DateTime(2026, 3, 15), "B"));
        var made = await stack.Api().MakeLetterBatchAndWaitAsync(company, 2026);
        var (status, pdf) = await stack.Api().DownloadAsync(made.JsonString("pdf")!);
        Assert.Equal(200, status);
        var code = CodePattern().Match(LetterPdf.Text(pdf, 1)).Value;
        var codes = stack.Services.GetRequiredService<IShortCodeStore>();
        var codeHash = stack.Services.GetRequiredService<SurveyFormKey>().CodeHash(ShortCode.Normalize(code)!);
        Assert.NotNull(await codes.FindAsync(codeHash, default));

        // Fieldwork for 2026 closes 31 January 2027; with 90 days retention contact data goes after 1 May 2027.
        await stack.RunJobAsync("purge-expired", new DateTimeOffset(2027, 5, 2, 12, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(404, (await stack.Api().DownloadAsync(made.JsonString("pdf")!)).Status);
        Assert.Null(await codes.FindAsync(codeHash, default));
    }

    private HttpClient NoRedirects(string? address = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(stack.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    private static StringContent JsonBody(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private async Task<List<ContactAttempt>> Attempts(string company, int year)
    {
        var list = new List<ContactAttempt>();
        await foreach (var a in stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, year, default)) list.Add(a);
        return list;
    }

    private async Task<Dictionary<string, string>> ServicesByKlantnummer(string company, int year)
    {
        var store = stack.Services.GetRequiredService<IFieldworkStore>();
        var map = new Dictionary<string, string>();
        await foreach (var c in store.CandidatesAsync(company, year, default))
            map[(await store.GetContactAsync(c.Ref, default))!.Klantnummer] = c.Ref.ServiceId;
        return map;
    }

    /// <summary>The services the letter batch picks: without e-mail, with an address.</summary>
    private async Task<List<string>> ServiceIdsWithoutEmailAndAddress(string company, int year)
    {
        var store = stack.Services.GetRequiredService<IFieldworkStore>();
        var list = new List<string>();
        await foreach (var c in store.CandidatesAsync(company, year, default))
            if (await store.GetContactAsync(c.Ref, default) is { } contact && OfflineRoutes.NeedsLetter(c.State, contact))
                list.Add(c.Ref.ServiceId);
        return list;
    }
}
