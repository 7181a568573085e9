using Kto.Core.Accounts;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Kto.Client;
using Kto.Core.Survey;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Population;

/// <summary>
/// The population's history through the real function classes on Azurite and the SMTP server: the bureau withdraws
/// or corrects a delivered service through the API and ./kto; progress, the mail jobs, the offline list, the
/// personal link and the report (JSON, XLSX, PDF text) follow; a re-delivery does not undo it; a company cannot do it.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ServiceCorrectionTests(LocalStack stack)
{
    private static string Row(string company, string id, string perceel = "Naar werk", string date = "15-03-2026", bool email = true) =>
        $"{id};Sam;Jansen;{(email ? $"{id}@{company}.test" : "")};0612345678;{perceel};{date};";

    private static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    /// <summary>The service id of a client, found the way the bureau finds it: by klantnummer.</summary>
    private static async Task<string> ServiceIdAsync(KtoApiClient api, string company, string klantnummer)
    {
        var list = (await api.ListServicesAsync(company, 2026, klantnummer)).EnsureSuccess("GET services").Json().GetProperty("services");
        return Assert.Single(list.EnumerateArray()).GetProperty("service").GetString()!;
    }

    private async Task<Dictionary<string, JsonElement>> ProgressAsync(string company) =>
        JsonDocument.Parse(await stack.Bureau().GetStringAsync($"/api/companies/{company}/progress?year=2026")).RootElement
            .GetProperty("percelen").EnumerateArray().ToDictionary(p => p.GetProperty("perceel").GetString()!);

    private static int Ended(Dictionary<string, JsonElement> progress, string perceel) => progress[perceel].GetProperty("ended").GetInt32();

    [Fact]
    public async Task Withdrawn_and_corrected_services_change_progress_mailing_the_offline_list_and_the_report()
    {
        var (company, _) = await stack.NewCompanyAsync("pop");
        var domain = company + ".test";
        var receipt = await stack.DeliverAsync(company, "levering.csv", File(
            Row(company, "w1"), Row(company, "c1"), Row(company, "d1"), Row(company, "n1"), Row(company, "n2"),
            Row(company, "p1", "Praktijkassessment"), Row(company, "o1", email: false), Row(company, "o2", email: false)));
        Assert.Equal(8, receipt.GetProperty("accepted").GetInt32());
        using var api = stack.Api();
        Assert.Equal((7, 1), (Ended(await ProgressAsync(company), "Naar werk"), Ended(await ProgressAsync(company), "Praktijkassessment")));

        // The bureau: w1 is not this company's client, c1 belongs in Praktijkassessment, d1 ended on 1 April, o1 has not ended.
        var withdrawn = (await api.WithdrawServiceAsync(company, 2026, await ServiceIdAsync(api, company, "w1"), "wrong-company", "Cliënt van een ander bedrijf"))
            .EnsureSuccess("withdraw").Json();
        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(AuditActions.BureauKey, withdrawn.GetProperty("corrections")[0].GetProperty("by").GetString());
        var corrected = (await api.CorrectServiceAsync(company, 2026, await ServiceIdAsync(api, company, "c1"), "Praktijkassessment", null, "delivery-error"))
            .EnsureSuccess("correct perceel").Json();
        Assert.Equal(("Praktijkassessment", "Naar werk"), (corrected.GetProperty("perceel").GetString(), corrected.GetProperty("delivered").GetProperty("perceel").GetString()));
        (await api.CorrectServiceAsync(company, 2026, await ServiceIdAsync(api, company, "d1"), null, "2026-04-01", "uwv-record")).EnsureSuccess("correct einddatum");
        // Through ./kto, with the offline list's dienst column as the service id.
        var offline = (await KtoCli.RunAsync(stack, "offline", company, "--year", "2026")).Stdout;
        var o1 = offline.Split('\n').Single(l => l.Contains("\"o1\"")).Split(';').Select(c => c.Trim('"')).ToArray();
        var header = offline.Split('\n')[0].Split(';').Select(c => c.Trim('"')).ToList();
        var cli = await KtoCli.RunAsync(stack, "withdraw", company, "--year", "2026", "--service", o1[header.IndexOf("dienst")], "--reason", "not-ended");
        Assert.True(cli.Exit == 0, cli.Stderr);
        Assert.True(JsonDocument.Parse(cli.Stdout).RootElement.GetProperty("withdrawn").GetBoolean());

        // Progress: Naar werk lost w1, c1 and o1 (n1, n2, d1 and o2 remain); Praktijkassessment gained c1.
        var progress = await ProgressAsync(company);
        Assert.Equal((4, 2), (Ended(progress, "Naar werk"), Ended(progress, "Praktijkassessment")));

        // Mail: invitations and reminders go to everyone with e-mail except the withdrawn client; c1's mail names its new perceel.
        await stack.RunJobAsync("send-invitations", Tuesday);
        await stack.RunJobAsync("send-reminders", Tuesday.AddDays(8));
        var mails = stack.Smtp.To(domain);
        var recipients = mails.Select(m => m.To.Mailboxes.Single().Address.Split('@')[0]).ToList();
        Assert.DoesNotContain("w1", recipients);
        Assert.Equal(["c1", "d1", "n1", "n2", "p1"], recipients.Distinct().Order());
        Assert.Equal(2, recipients.Count(r => r == "n1")); // the invitation and one reminder: the job really sent reminders
        var c1Mail = mails.First(m => m.To.Mailboxes.Single().Address.StartsWith("c1"));
        Assert.True(c1Mail.TextBody?.Contains("(Praktijkassessment)") == true, c1Mail.TextBody);

        // The offline list: o2 is still there, the withdrawn o1 is not.
        var offlineAfter = (await KtoCli.RunAsync(stack, "offline", company, "--year", "2026")).Stdout;
        Assert.Contains("\"o2\"", offlineAfter);
        Assert.DoesNotContain("\"o1\"", offlineAfter);

        // The report: the population as corrected, and the method section's account of every change per perceel and reason.
        await RunReportAsync(stack, company);
        var json = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement
            .GetProperty("percelen").EnumerateArray().ToDictionary(p => p.GetProperty("figures").GetProperty("perceel").GetString()!, p => p.GetProperty("figures"));
        Assert.Equal((4, 2), (json["Naar werk"].GetProperty("ended").GetInt32(), json["Praktijkassessment"].GetProperty("ended").GetInt32()));
        static string[] Changes(JsonElement figures) => figures.GetProperty("populationChanges").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()}/{c.GetProperty("reason").GetString()}={c.GetProperty("count").GetInt32()}").ToArray();
        Assert.Equal(["withdrawn/wrong-company=1", "withdrawn/not-ended=1", "perceel-out/delivery-error=1", "einddatum/uwv-record=1"], Changes(json["Naar werk"]));
        Assert.Equal(["perceel-in/delivery-error=1"], Changes(json["Praktijkassessment"]));
        Assert.Empty(Changes(json["Werkfit maken"]));

        var text = PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf"));
        // Pieces, not whole lines: pdftotext mixes the letters of the diagonal CONCEPT mark into a draft's text.
        Assert.Equal(2, text.Split("Wijzigingen na levering").Length - 1);
        Assert.Contains("2 ingetrokken (geen cliënt van dit bedrijf: 1, dienst niet beëindigd: 1); 1 naar een ander perceel (fout in de levering: 1);", text);
        Assert.Contains("einddatum gecorrigeerd (gegevens van UWV: 1)", text);
        Assert.Contains("Wijzigingen na levering 1 uit een ander perceel (fout in de levering: 1)", text);
        Assert.Contains("Alleen het onderzoeksbureau kan een geleverde dienst intrekken of corrigeren", text);
        Assert.DoesNotContain("Cliënt van een ander bedrijf", text); // the bureau's note stays out of the report

        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx")));
        var sheet = workbook.Worksheet("Wijzigingen populatie");
        var rows = sheet.RowsUsed().Skip(1).Select(r => $"{r.Cell(1).GetString()}|{r.Cell(3).GetString()}|{r.Cell(5).GetString()}|{r.Cell(6).GetValue<int>()}").ToList();
        Assert.Equal(["Praktijkassessment|perceel-in|delivery-error|1", "Naar werk|withdrawn|wrong-company|1", "Naar werk|withdrawn|not-ended|1",
            "Naar werk|perceel-out|delivery-error|1", "Naar werk|einddatum|uwv-record|1"], rows.OrderBy(r => !r.StartsWith("Praktijk")).ToList());
    }

    [Fact]
    public async Task Delivering_the_original_or_the_corrected_row_again_is_a_duplicate_and_undoes_nothing()
    {
        var (company, _) = await stack.NewCompanyAsync("pop");
        await stack.DeliverAsync(company, "maart.csv", File(Row(company, "k1"), Row(company, "k2"), Row(company, "k4")));
        using var api = stack.Api();
        var k1 = await ServiceIdAsync(api, company, "k1");
        var k2 = await ServiceIdAsync(api, company, "k2");
        var k4 = await ServiceIdAsync(api, company, "k4");
        (await api.CorrectServiceAsync(company, 2026, k1, "Praktijkassessment", null, "delivery-error")).EnsureSuccess("correct perceel");
        (await api.WithdrawServiceAsync(company, 2026, k2, "wrong-perceel")).EnsureSuccess("withdraw");
        (await api.CorrectServiceAsync(company, 2026, k4, null, "2026-03-20", "client-statement")).EnsureSuccess("correct einddatum");

        // The next month's file repeats the original rows, brings k1 and k4 as corrected, and one new client.
        var receipt = await stack.DeliverAsync(company, "april.csv", File(
            Row(company, "k1"), Row(company, "k2"), Row(company, "k4"),
            Row(company, "k1", "Praktijkassessment"), Row(company, "k4", date: "20-03-2026"), Row(company, "k3")));

        Assert.Equal((6, 1, 5), (receipt.GetProperty("rows").GetInt32(), receipt.GetProperty("accepted").GetInt32(), receipt.GetProperty("duplicates").GetInt32()));
        var progress = await ProgressAsync(company);
        Assert.Equal((2, 1), (Ended(progress, "Naar werk"), Ended(progress, "Praktijkassessment"))); // k3 and k4; k1
        var services = (await api.ListServicesAsync(company, 2026)).EnsureSuccess("GET services").Json().GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("klantnummer").GetString()!);
        Assert.Equal(4, services.Count); // k1, k2, k3, k4: one service per client
        Assert.Equal("Praktijkassessment", services["k1"].GetProperty("perceel").GetString());
        Assert.True(services["k2"].GetProperty("withdrawn").GetBoolean());
        Assert.Equal("2026-03-20", services["k4"].GetProperty("einddatum").GetString());
    }

    [Fact]
    public async Task A_withdrawn_clients_personal_link_shows_the_neutral_page_of_an_unknown_link()
    {
        var invited = await Invitations.InviteAsync(stack, "weg", "blijft");
        var service = await Invitations.ServiceOfAsync(stack, invited.Tokens["weg"]);
        using var api = stack.Api();
        var before = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{invited.Company}/progress?year={service.Year}"))
            .GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        (await api.WithdrawServiceAsync(invited.Company, service.Year, service.ServiceId, "not-ended")).EnsureSuccess("withdraw");
        var client = new SurveyClient(stack);

        // Invited (approached) before it was withdrawn: it no longer counts as ended or approached.
        var after = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{invited.Company}/progress?year={service.Year}"))
            .GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal((2, 2), (before.GetProperty("ended").GetInt32(), before.GetProperty("approached").GetInt32()));
        Assert.Equal((1, 1), (after.GetProperty("ended").GetInt32(), after.GetProperty("approached").GetInt32()));

        var withdrawn = await client.GetAsync($"/s?t={invited.Tokens["weg"]}");
        var unknown = await client.GetAsync($"/s?t={SurveyToken.New().Token}");
        var other = await client.GetAsync($"/s?t={invited.Tokens["blijft"]}");

        Assert.Equal(HttpStatusCode.NotFound, withdrawn.Status);
        Assert.Equal(unknown.Bytes, withdrawn.Bytes);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        // Answering is not possible either: the page has no form, and a posted one is refused.
        var post = await client.AnswerAsync(invited.Tokens["weg"], SurveyClient.ValidAnswers());
        Assert.NotEqual(HttpStatusCode.OK, post.Status);
        Assert.Null(await stack.Services.GetRequiredService<IResponseStore>().FindAsync(service, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_bureau_may_change_the_population_and_bad_requests_get_a_clear_error()
    {
        var (company, key) = await stack.NewCompanyAsync("pop");
        await stack.DeliverAsync(company, "levering.csv", File(Row(company, "k1")));
        using var bureau = stack.Api();
        var k1 = await ServiceIdAsync(bureau, company, "k1");

        using var own = stack.Api(key);
        foreach (var response in new[]
                 {
                     await own.WithdrawServiceAsync(company, 2026, k1, "wrong-company"),
                     await own.CorrectServiceAsync(company, 2026, k1, "Praktijkassessment", null, "delivery-error"),
                     await own.ListServicesAsync(company, 2026),
                     await own.GetServiceAsync(company, 2026, k1),
                 })
        {
            Assert.Equal(403, response.Status);
            Assert.Equal("forbidden", response.JsonString("error"));
        }
        Assert.Equal(401, (await stack.Api("no-key").WithdrawServiceAsync(company, 2026, k1, "wrong-company")).Status);
        Assert.Equal(0, (await bureau.GetServiceAsync(company, 2026, k1)).Json().GetProperty("corrections").GetArrayLength());

        async Task Refused(Task<ApiResponse> call, int status, string code)
        {
            var response = await call;
            Assert.Equal((status, code), (response.Status, response.JsonString("error")));
            Assert.False(string.IsNullOrWhiteSpace(response.JsonString("message")));
        }
        await Refused(bureau.WithdrawServiceAsync(company, 2026, k1, "typo"), 400, "invalid-reason");
        await Refused(bureau.CorrectServiceAsync(company, 2026, k1, null, "2027-01-05", "delivery-error"), 400, "einddatum-other-year");
        await Refused(bureau.CorrectServiceAsync(company, 2026, k1, "Perceel 9", null, "delivery-error"), 400, "unknown-perceel");
        await Refused(bureau.CorrectServiceAsync(company, 2026, k1, null, null, "delivery-error"), 400, "nothing-to-correct");
        await Refused(bureau.WithdrawServiceAsync(company, 2026, "0123456789abcdef0123456789abcdef", "not-ended"), 404, "unknown-service");
        await Refused(bureau.WithdrawServiceAsync(company, 2025, k1, "not-ended"), 404, "unknown-service");
        await Refused(bureau.WithdrawServiceAsync(company, 2026, "x#y'z", "not-ended"), 404, "unknown-service"); // never reaches storage
        Assert.Equal(404, (await bureau.GetServiceAsync(company, 2026, "x#y'z")).Status);
        (await bureau.WithdrawServiceAsync(company, 2026, k1, "not-ended")).EnsureSuccess("withdraw");
        await Refused(bureau.WithdrawServiceAsync(company, 2026, k1, "wrong-company"), 409, "already-withdrawn");
        var body = await stack.Bureau().PostAsync($"/api/companies/{company}/services/{k1}/withdraw", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, body.StatusCode);
        Assert.Equal(1, (await bureau.GetServiceAsync(company, 2026, k1)).Json().GetProperty("corrections").GetArrayLength());
    }

    [Fact]
    public async Task The_kto_script_lists_and_corrects_a_refused_correction_exits_1_and_a_company_key_cannot_withdraw()
    {
        var (company, key) = await stack.NewCompanyAsync("pop");
        await stack.DeliverAsync(company, "levering.csv", File(Row(company, "k1"), Row(company, "k2")));
        var port = new Uri(stack.BaseUrl).Port.ToString();
        var data = TestTemp.Folder("kto-pop-");
        try
        {
            var bureau = new Dictionary<string, string> { ["KTO_PORT"] = port, ["KTO_DATA"] = data, ["KTO_BUREAU_KEY"] = stack.BureauKey };
            var listed = await KtoCli.RunScriptAsync(bureau, "services", company, "--year", "2026", "--klantnummer", "K1");
            Assert.True(listed.Exit == 0, listed.Stderr);
            var service = Assert.Single(JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("services").EnumerateArray()).GetProperty("service").GetString()!;

            var corrected = await KtoCli.RunScriptAsync(bureau, "correct", company, "--year", "2026", "--service", service,
                "--perceel", "Praktijkassessment", "--reason", "delivery-error", "--note", "volgens UWV");
            Assert.True(corrected.Exit == 0, corrected.Stderr);
            Assert.Equal("Praktijkassessment", JsonDocument.Parse(corrected.Stdout).RootElement.GetProperty("perceel").GetString());

            var otherYear = await KtoCli.RunScriptAsync(bureau, "correct", company, "--year", "2026", "--service", service,
                "--einddatum", "2027-01-05", "--reason", "delivery-error");
            Assert.Equal(1, otherYear.Exit);
            Assert.Equal("einddatum-other-year", JsonDocument.Parse(otherYear.Stdout).RootElement.GetProperty("error").GetString());

            var asCompany = new Dictionary<string, string> { ["KTO_PORT"] = port, ["KTO_DATA"] = data, ["KTO_KEY"] = key };
            var refused = await KtoCli.RunScriptAsync(asCompany, "withdraw", company, "--year", "2026", "--service", service, "--reason", "wrong-company");
            Assert.Equal(1, refused.Exit);
            Assert.Equal("forbidden", JsonDocument.Parse(refused.Stdout).RootElement.GetProperty("error").GetString());
            using var api = stack.Api();
            var after = (await api.GetServiceAsync(company, 2026, service)).Json();
            Assert.False(after.GetProperty("withdrawn").GetBoolean());
            Assert.Equal(1, after.GetProperty("corrections").GetArrayLength());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Retention_empties_the_notes_of_an_expired_year_with_its_contact_data_and_keeps_the_change()
    {
        var (company, _) = await stack.NewCompanyAsync("pop");
        var old = await StoredServices.StoreAsync(stack, company, "OUD1", new DateOnly(2020, 6, 1));
        await stack.DeliverAsync(company, "nu.csv", File(Row(company, "nu1", date: Invitations.Einddatum.ToString("dd-MM-yyyy"))));
        using var api = stack.Api();
        var current = (await api.ListServicesAsync(company, Invitations.Year, "nu1")).Json().GetProperty("services")[0].GetProperty("service").GetString()!;
        (await api.WithdrawServiceAsync(company, 2020, old, "wrong-company", "Mevrouw Jansen belde: andere begeleider")).EnsureSuccess("withdraw old");
        (await api.WithdrawServiceAsync(company, Invitations.Year, current, "not-ended", "Loopt nog tot de zomer")).EnsureSuccess("withdraw current");

        await stack.RunJobAsync("purge-expired", DateTimeOffset.UtcNow);

        var expired = (await api.GetServiceAsync(company, 2020, old)).EnsureSuccess("GET old").Json();
        Assert.True(expired.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, expired.GetProperty("klantnummer").ValueKind);
        var change = Assert.Single(expired.GetProperty("corrections").EnumerateArray());
        Assert.Equal(("wrong-company", JsonValueKind.Null), (change.GetProperty("reason").GetString(), change.GetProperty("note").ValueKind));
        var kept = (await api.GetServiceAsync(company, Invitations.Year, current)).Json().GetProperty("corrections")[0];
        Assert.Equal("Loopt nog tot de zomer", kept.GetProperty("note").GetString());
    }
}
