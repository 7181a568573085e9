using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Kto.Core.Accounts;
using Kto.Core.Survey;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Keurmerk;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Doors;

/// <summary>
/// Issue 21, the rules that must hold at every door: the Origin of a form (7), open answers at rest (8), one name
/// rule (9), unreadable forms (10), the portal's own page for a too-large upload (11), and the small ones (14).
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class DoorRulesTests(LocalStack stack)
{
    private TableServiceClient Tables => new(stack.StorageConnectionString);

    private async Task<(string Email, PortalClient Client)> SignedInBureauAsync()
    {
        var email = $"bureau-{Guid.NewGuid():N}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, company: null);
        var client = new PortalClient(stack);
        await client.SignInAsync(email);
        return (email, client);
    }

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => stack.Services.GetRequiredService<IAuditLog>().RecentAsync(2000, default);

    [Fact]
    public async Task A_form_whose_Origin_names_another_site_is_refused_on_the_portal_the_questionnaire_and_the_code_page()
    {
        var (_, client) = await SignedInBureauAsync();
        var token = PortalClient.FormToken(await client.Http.GetStringAsync("/portal/bureau/users"));

        var forged = new HttpRequestMessage(HttpMethod.Post, "/portal/sign-out") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token }) };
        forged.Headers.Add("Origin", "https://kwaadwillend.example");
        var refused = await client.Http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Formulier geweigerd", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/portal/bureau/users")).StatusCode);   // still signed in

        var invited = await Invitations.InviteAsync(stack, "herkomst");
        var survey = new SurveyClient(stack);
        var page = await survey.GetAsync($"/s?t={invited.Tokens["herkomst"]}");
        var post = await survey.PostSurveyAsync(invited.Tokens["herkomst"], SurveyClient.ValidAnswers().Append(new("_form", page.FormKey!)),
            r => r.Headers.Add("Origin", "http://127.0.0.1.kwaadwillend.example"));
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Null(await stack.Services.GetRequiredService<IResponseStore>().FindAsync(await Invitations.ServiceOfAsync(stack, invited.Tokens["herkomst"]), default));
        var code = await survey.PostAsync("/k", [new("code", "K7PX-4QM9")], r => r.Headers.Add("Origin", "https://kwaadwillend.example"));
        Assert.Equal(HttpStatusCode.Forbidden, code.Status);   // not looked up (an unknown code would be 422)

        // The same form from our own origin works.
        var own = new HttpRequestMessage(HttpMethod.Post, "/portal/sign-out") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token }) };
        own.Headers.Add("Origin", stack.BaseUrl);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.Http.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task Open_answers_are_at_rest_redacted_through_the_web_the_api_the_portal_and_kto()
    {
        var invited = await Invitations.InviteAsync(stack, "web", "telefoon", "papier", "cli");
        const string typed = "Bel mij op 06-12345678 of mail sam@voorbeeld.nl, mijn BSN is 123456782. Groeten, Sam {0}";
        string Text(string name) => string.Format(CultureInfo.InvariantCulture, typed, name);
        var services = new Dictionary<string, ServiceRef>();
        foreach (var name in invited.Tokens.Keys) services[name] = await Invitations.ServiceOfAsync(stack, invited.Tokens[name]);

        var web = SurveyClient.ValidAnswers();
        web["open-goed"] = Text("web");
        Assert.Equal(HttpStatusCode.OK, (await new SurveyClient(stack).AnswerAsync(invited.Tokens["web"], web)).Status);

        var phone = SurveyClient.ValidAnswers().ToDictionary(a => a.Key, a => int.TryParse(a.Value, out var n) ? (object)n : a.Value);
        phone["open-goed"] = Text("telefoon");
        Assert.Equal(HttpStatusCode.Created, (await stack.Bureau().PostAsJsonAsync($"/api/companies/{invited.Company}/answers",
            new { year = services["telefoon"].Year, service = services["telefoon"].ServiceId, mode = "phone", answers = phone, interviewer = "piet@bureau.nl" })).StatusCode);

        var (_, bureau) = await SignedInBureauAsync();
        var formUrl = $"/portal/bureau/companies/{invited.Company}/answers/{services["papier"].ServiceId}?year={services["papier"].Year}&mode=paper";
        var paper = SurveyClient.ValidAnswers();
        paper["open-goed"] = Text("papier");
        paper["_csrf"] = PortalClient.FormToken(await bureau.Http.GetStringAsync(formUrl));
        paper["year"] = services["papier"].Year.ToString(CultureInfo.InvariantCulture);
        paper["mode"] = "paper";
        Assert.Equal(HttpStatusCode.SeeOther, (await bureau.PostFormAsync(formUrl, paper)).StatusCode);

        var cli = SurveyClient.ValidAnswers().ToDictionary(a => a.Key, a => int.TryParse(a.Value, out var n) ? (object)n : a.Value);
        cli["open-goed"] = Text("cli");
        var file = TestTemp.File($"antwoorden-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(cli));
        try
        {
            Assert.Equal(0, (await KtoCli.RunAsync(stack, "answer", invited.Company, "--year", services["cli"].Year.ToString(CultureInfo.InvariantCulture),
                "--service", services["cli"].ServiceId, "--mode", "paper", "--answers", file)).Exit);
        }
        finally
        {
            File.Delete(file);
        }

        var rows = Tables.GetTableClient(StorageNames.ResponsesTable);
        foreach (var (name, service) in services)
        {
            // The row as storage holds it, not through any reader of ours.
            var stored = (await rows.GetEntityAsync<TableEntity>(TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId)).Value;
            var text = string.Join(" ", stored.Select(kv => kv.Value?.ToString()));
            foreach (var secret in new[] { "06-12345678", "sam@voorbeeld.nl", "123456782" })
                Assert.DoesNotContain(secret, text);
            Assert.Contains("[verwijderd]", text);
            Assert.Contains("Bel mij op", text);
            Assert.DoesNotContain($"Sam {name}", text);   // the writer's own delivered name (voornaam Sam, achternaam the name)
        }
    }

    [Theory]
    [InlineData("Acme\r\nBcc: iedereen")]
    [InlineData("Acme\u0007")]
    [InlineData("Acme\0")]
    [InlineData("\u202EemcA")]
    [InlineData("Acme \u2066Re-integratie\u2069")]
    public async Task A_name_with_a_control_or_bidi_character_is_refused_for_a_company_a_user_and_an_opdrachtgever(string name)
    {
        using var api = stack.Api();
        var id = $"naam-{Guid.NewGuid():N}"[..20];
        var company = await api.AddCompanyAsync(id, name);
        Assert.Equal((400, "invalid-name"), (company.Status, company.JsonString("error")));
        Assert.Contains("stuurtekens", company.JsonString("message"));
        var user = await api.AddUserAsync($"naam-{Guid.NewGuid():N}@bureau.example.nl", "bureau", null, name);
        Assert.Equal((400, "invalid-name"), (user.Status, user.JsonString("error")));

        var (_, bureau) = await SignedInBureauAsync();
        var token = PortalClient.FormToken(await bureau.Http.GetStringAsync("/portal/bureau/users"));
        var form = await bureau.PostFormAsync("/portal/bureau/users/company", new() { ["_csrf"] = token, ["id"] = id, ["name"] = name });
        Assert.True(form.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"{(int)form.StatusCode}");
        Assert.Equal(404, (await stack.Api().GetProgressAsync(id, 2026)).Status);   // nothing registered
    }

    [Fact]
    public async Task An_opdrachtgever_list_rejects_a_row_whose_organisation_or_contact_has_a_bidi_override_or_a_bell()
    {
        var (og, key) = await stack.NewCompanyAsync("naam");
        var receipt = await stack.DeliverAsync(og, "opdrachtgevers.csv", KeurmerkTests.OpdrachtgeverList(
            "\u202EVWU;Anna;anna@og.test;;4", "Gemeente;Piet\u0007;piet@og.test;;2", "Werkgever \u2066BV\u2069;Kees;kees@og.test;;1", "UWV;Jan;jan@og.test;;3"), key);
        Assert.Equal(1, receipt.GetProperty("accepted").GetInt32());
        Assert.Equal(3, receipt.GetProperty("counts").GetProperty("invalid-name").GetInt32());
    }

    [Fact]
    public async Task A_broken_multipart_body_or_a_form_with_thousands_of_fields_answers_400_with_the_routes_page()
    {
        var (company, _) = await stack.NewCompanyAsync("kapot");
        var (_, bureau) = await SignedInBureauAsync();
        var anonymous = new PortalClient(stack);
        await anonymous.Http.GetStringAsync("/portal");

        var uploadToken = PortalClient.FormToken(await bureau.Http.GetStringAsync($"/portal/companies/{company}"));
        HttpContent Broken()
        {
            // A real token, then a file the body breaks off in: the token is read, the file is not.
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"--grens\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{uploadToken}\r\n--grens\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"x.csv\"\r\n\r\nklantnummer;per"));
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=grens");
            return content;
        }

        foreach (var (client, path) in new[]
        {
            (bureau, "/portal/bureau/users/add"),
            (bureau, $"/portal/companies/{company}/deliveries"),
            (anonymous, "/verify"),
            (anonymous, "/portal"),
        })
        {
            var response = await client.Http.PostAsync(path, Broken());
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
            Assert.DoesNotContain("internal-error", await response.Content.ReadAsStringAsync());
        }

        var many = Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"veld{i}", "x")).ToList();
        var fields = await bureau.Http.PostAsync("/portal/bureau/users/add", new FormUrlEncodedContent(many));
        Assert.Equal(HttpStatusCode.BadRequest, fields.StatusCode);
        Assert.Contains("Formulier niet leesbaar", await fields.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await bureau.Http.GetAsync("/portal/bureau/users")).StatusCode);
    }

    [Fact]
    public async Task A_portal_upload_far_over_the_limit_gets_the_receipt_page_and_the_audit_line_and_a_long_name_keeps_its_extension()
    {
        var (company, _) = await stack.NewCompanyAsync("groot");
        var email = $"gebruiker@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var client = new PortalClient(stack);
        await client.SignInAsync(email);

        var page = await client.Http.GetStringAsync($"/portal/companies/{company}");
        var huge = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.FormToken(page)), "_csrf" },
            { new ByteArrayContent(new byte[LocalStack.MaxFileBytes * 3]), "bestand", "veel-te-groot.csv" },
        };
        var answer = await client.Http.PostAsync($"/portal/companies/{company}/deliveries", huge);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var receiptPage = await client.Http.GetStringAsync(answer.Headers.Location!.ToString());
        Assert.Contains("Het bestand is geweigerd", receiptPage);
        Assert.Contains("groter dan 2 MB", receiptPage);
        using var api = stack.Api();
        Assert.Equal("file-too-large", (await api.GetReceiptAsync(company, "veel-te-groot.csv")).Json().GetProperty("refusal").GetProperty("code").GetString());
        Assert.Single(await AuditAsync(), e => e.Company == company && e.Action == AuditActions.Upload && e.Actor == email && e.Detail.Contains("te groot"));

        var longName = new string('a', 200) + ".csv";
        var named = new MultipartFormDataContent
        {
            { new StringContent(PortalClient.FormToken(page)), "_csrf" },
            { new ByteArrayContent(Exports.Csv(Exports.Row("L1"))), "bestand", longName },
        };
        var stored = await client.Http.PostAsync($"/portal/companies/{company}/deliveries", named);
        Assert.Equal(HttpStatusCode.SeeOther, stored.StatusCode);
        var file = Uri.UnescapeDataString(stored.Headers.Location!.ToString().Split('/').Last());
        Assert.EndsWith(".csv", file);
        Assert.InRange(file.Length, 100, 120);
    }

    [Fact]
    public async Task The_paper_code_429_says_when_to_retry_unknown_progress_is_404_and_a_job_far_from_now_is_400()
    {
        var (_, bureau) = await SignedInBureauAsync();
        bureau.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.21.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        var token = PortalClient.FormToken(await bureau.Http.GetStringAsync("/portal/bureau/paper"));
        HttpResponseMessage? tooMany = null;
        for (var i = 0; i < 50 && tooMany is null; i++)
        {
            var response = await bureau.PostFormAsync("/portal/bureau/paper", new() { ["_csrf"] = token, ["code"] = "K7PX-4QM9" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) tooMany = response;
        }
        Assert.NotNull(tooMany);
        Assert.InRange(int.Parse(tooMany.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);

        using var api = stack.Api();
        var progress = await api.GetProgressAsync("bestaat-niet-" + Guid.NewGuid().ToString("N")[..8], 2026);
        Assert.Equal(404, progress.Status);

        foreach (var at in new[] { "1999-03-01T10:00:00+01:00", "2099-03-01T10:00:00+01:00" })
        {
            var job = await api.StartJobAsync("send-invitations", at);
            Assert.Equal((400, "at-out-of-reach"), (job.Status, job.JsonString("error")));
        }
        Assert.Equal(400, (await api.StartJobAsync("purge-expired", "1999-03-01T10:00:00+01:00")).Status);
    }
}
