using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ClosedXML.Excel;
using Kto.Functions.Tests.Support;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>The annual report end to end: the real orchestration in the local host against Azurite.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class AnnualReportTests(LocalStack stack)
{
    [Fact]
    public async Task The_figures_match_the_hand_computed_fixture_in_pdf_xlsx_and_json()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        await RunReportAsync(stack, company);

        var json = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement;
        var percelen = json.GetProperty("percelen").EnumerateArray().ToDictionary(p => p.GetProperty("figures").GetProperty("perceel").GetString()!);
        Assert.Equal(["Werkfit maken", "Naar werk", "Praktijkassessment", "Modulaire Re-integratiediensten"], percelen.Keys);

        // Naar werk, by hand: N = 6, all approached, n = 4 (8, 9, 6, 7): mean 7.5, SD √(5/3) = 1.291, median 7.5,
        // t(3) = 3.182, fpc = √(2/5): CI 6.201–8.799; 4/6 = 66.7%; 6 invitations + 2 reminders; reasons: 5 completed, 2 successful.
        var naarWerk = percelen["Naar werk"];
        var f = naarWerk.GetProperty("figures");
        Assert.Equal((6, 6, 4), (f.GetProperty("ended").GetInt32(), f.GetProperty("approached").GetInt32(), f.GetProperty("responded").GetInt32()));
        Assert.Equal(8, f.GetProperty("attemptsByMode").GetProperty("email").GetInt32());
        Assert.Equal((5, 2), (f.GetProperty("completedTrajectories").GetInt32(), f.GetProperty("successfulTrajectories").GetInt32()));
        Assert.Equal([0, 0, 3, 0, 0, 1, 0, 0, 0, 0, 0, 0], f.GetProperty("responsesPerMonth").EnumerateArray().Select(m => m.GetInt32()));
        var grades = naarWerk.GetProperty("grades");
        Assert.Equal(7.5, grades.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1.2910, grades.GetProperty("standardDeviation").GetDouble(), 4);
        Assert.Equal(7.5, grades.GetProperty("median").GetDouble(), 9);
        Assert.Equal(6.201, grades.GetProperty("confidenceInterval").GetProperty("lower").GetDouble(), 3);
        Assert.Equal(8.799, grades.GetProperty("confidenceInterval").GetProperty("upper").GetDouble(), 3);
        Assert.Equal(4.0 / 6, naarWerk.GetProperty("responseRate").GetProperty("proportion").GetDouble(), 9);
        Assert.True(naarWerk.GetProperty("kpiMet").GetBoolean());
        Assert.True(naarWerk.GetProperty("minimumResponseMet").GetBoolean());

        // Praktijkassessment: 3 services, nobody answered: exemption possible, no grade, minimum response missed.
        var praktijk = percelen["Praktijkassessment"];
        Assert.Equal((3, 3, 0), (praktijk.GetProperty("figures").GetProperty("ended").GetInt32(),
            praktijk.GetProperty("figures").GetProperty("approached").GetInt32(), praktijk.GetProperty("figures").GetProperty("responded").GetInt32()));
        Assert.True(praktijk.GetProperty("exemptionPossible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, praktijk.GetProperty("kpiMet").ValueKind);
        Assert.False(praktijk.GetProperty("minimumResponseMet").GetBoolean());
        Assert.Equal(0, percelen["Werkfit maken"].GetProperty("figures").GetProperty("ended").GetInt32());

        // The workbook carries the same numbers, unrounded.
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx")));
        var summary = workbook.Worksheet("Samenvatting");
        var row = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Naar werk");
        Assert.Equal(6, row.Cell(2).GetValue<int>());
        Assert.Equal(4, row.Cell(4).GetValue<int>());
        Assert.Equal(grades.GetProperty("mean").GetDouble(), row.Cell(8).GetValue<double>(), 9);
        Assert.Equal(grades.GetProperty("confidenceInterval").GetProperty("lower").GetDouble(), row.Cell(11).GetValue<double>(), 9);
        Assert.Equal(naarWerk.GetProperty("responseRate").GetProperty("proportion").GetDouble(), row.Cell(5).GetValue<double>(), 9);
        Assert.Equal(8, row.Cell(17).GetValue<int>());
        Assert.Equal("ja", summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Praktijkassessment").Cell(16).GetString());
        Assert.Equal(7, workbook.Worksheet("Controlelijst").RowsUsed().Count() - 1);

        // The PDF says the same in Dutch notation.
        var text = PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf"));
        Assert.Contains("CONCEPT", text);
        Assert.Contains("7,5 (6,2 – 8,8)", text);
        Assert.Contains("66,7%", text);
        Assert.Contains("8 per e-mail", text);
        Assert.Contains("5 trajecten afgerond, waarvan 2 succesvol", text);
        Assert.Contains("geen beëindigde diensten in 2026", text);
        Assert.Contains("vrijstelling aanvragen", text);
        Assert.Contains("1,29", text); // SD with two decimals
        Assert.Contains("Controlelijst UWV", text);
    }

    [Fact]
    public async Task A_company_without_deliveries_and_a_year_without_responses_render_sensibly()
    {
        var (empty, _) = await stack.NewCompanyAsync("e");
        await RunReportAsync(stack, empty);
        var emptyJson = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), empty, "report.json")).RootElement;
        Assert.All(emptyJson.GetProperty("percelen").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("figures").GetProperty("ended").GetInt32()));
        var emptyText = PdfText(await DownloadAsync(stack.Bureau(), empty, "report.pdf"));
        Assert.Equal(8, CountOf(emptyText, "geen beëindigde diensten in 2026")); // summary table and section, four percelen

        var (quiet, _) = await stack.NewCompanyAsync("q");
        await stack.DeliverAsync(quiet, "levering.csv", Exports.Csv(Exports.Row("a1"), Exports.Row("a2"), Exports.Row("a3"),
            Exports.Row("a4"), Exports.Row("a5"), Exports.Row("a6")));
        await stack.RunJobAsync("send-invitations", Tuesday);
        await RunReportAsync(stack, quiet);
        var quietJson = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), quiet, "report.json")).RootElement;
        var naarWerk = quietJson.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("figures").GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal((6, 0), (naarWerk.GetProperty("figures").GetProperty("approached").GetInt32(), naarWerk.GetProperty("figures").GetProperty("responded").GetInt32()));
        Assert.Equal(JsonValueKind.Null, naarWerk.GetProperty("grades").GetProperty("mean").ValueKind);
        var quietText = PdfText(await DownloadAsync(stack.Bureau(), quiet, "report.pdf"));
        Assert.Contains("Er zijn nog geen rapportcijfers gegeven", quietText);
        Assert.Contains("geen cijfers", quietText);
        Assert.Contains("0,0%", quietText);
    }

    [Fact]
    public async Task Signing_twice_keeps_both_versions_verify_knows_them_and_a_rerun_leaves_them_alone()
    {
        var (company, key) = await HandComputedCompanyAsync(stack);
        await RunReportAsync(stack, company);

        var asCompany = await stack.Client(key).PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "X", conclusion = "Y" });
        Assert.Equal(HttpStatusCode.Forbidden, asCompany.StatusCode); // a valid company key on a bureau route (issue 11)

        var first = await SignAsync(company, "Drs. A. de Boer", "=HYPERLINK(\"http://evil.example\")");
        var second = await SignAsync(company, "Dr. B. Jansen", "De respons in Praktijkassessment bleef laag ondanks twee herinneringen; de inspanning was voldoende.");
        Assert.Equal((1, 2), (first.GetProperty("version").GetInt32(), second.GetProperty("version").GetInt32()));

        var v1 = await DownloadAsync(stack.Bureau(), company, "report.pdf", "1");
        var v2 = await DownloadAsync(stack.Bureau(), company, "report.pdf", "2");
        Assert.Equal(first.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(v1)));
        Assert.Equal(second.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(v2)));
        var v2Text = PdfText(v2);
        Assert.Contains("Dr. B. Jansen", v2Text);
        Assert.Contains("de inspanning was voldoende", v2Text);
        Assert.DoesNotContain("CONCEPT", v2Text);
        Assert.Contains("Drs. A. de Boer", PdfText(v1));

        // Verify: anonymous, for each signed file; not for an altered file or a draft.
        var verified = await stack.Client().GetFromJsonAsync<JsonElement>($"/api/verify/{Convert.ToHexStringLower(SHA256.HashData(v1))}");
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(("Test Re-integratie " + company, 2026, 1), (verified.GetProperty("company").GetString(), verified.GetProperty("year").GetInt32(), verified.GetProperty("version").GetInt32()));
        Assert.False(verified.TryGetProperty("sha256", out _));
        var altered = v1.ToArray();
        altered[altered.Length / 2] ^= 0x01;
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Client().GetAsync($"/api/verify/{Convert.ToHexStringLower(SHA256.HashData(altered))}")).StatusCode);
        var draft = await DownloadAsync(stack.Bureau(), company, "report.pdf");
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Client().GetAsync($"/api/verify/{Convert.ToHexStringLower(SHA256.HashData(draft))}")).StatusCode);

        // The conclusion typed as a formula stays text in the workbook.
        using (var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx", "1"))))
        {
            var cell = workbook.Worksheet("Rapport").RowsUsed().Single(r => r.Cell(1).GetString() == "Conclusie").Cell(2);
            Assert.False(cell.HasFormula);
            Assert.StartsWith("'=HYPERLINK", cell.GetString());
        }

        // A new run replaces the draft only.
        await RunReportAsync(stack, company);
        Assert.Equal(v1, await DownloadAsync(stack.Bureau(), company, "report.pdf", "1"));
        var status = await stack.Client(key).GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}");
        Assert.Equal("signed", status.GetProperty("status").GetString());
        Assert.Equal([1, 2], status.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal($"/api/reports/2026/{company}/report.pdf?version=2", status.GetProperty("latest").GetProperty("pdf").GetString());
        Assert.Equal(v2, await DownloadAsync(stack.Client(key), company, "report.pdf", ""));
    }

    [Fact]
    public async Task A_company_key_reads_only_its_own_report_and_cannot_start_one()
    {
        var (company, key) = await stack.NewCompanyAsync("a");
        var (_, otherKey) = await stack.NewCompanyAsync("o");
        await RunReportAsync(stack, company);

        Assert.Equal(HttpStatusCode.OK, (await stack.Client(key).GetAsync($"/api/reports/2026/{company}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Client(key).GetAsync($"/api/reports/2026/{company}/report.json?version=draft")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(otherKey).GetAsync($"/api/reports/2026/{company}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(otherKey).GetAsync($"/api/reports/2026/{company}/report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Client().GetAsync($"/api/reports/2026/{company}/report.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(key).PostAsync($"/api/reports/2026/{company}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().PostAsync("/api/reports/2026/no-such-company", null)).StatusCode);
    }

    [Fact]
    public async Task A_run_for_all_companies_starts_from_the_year_route_and_drafts_every_company()
    {
        // A year no other test uses: this run drafts every company of the shared stack.
        const int year = 2031;
        var (company, _) = await stack.NewCompanyAsync("y");
        var start = await stack.Bureau().PostAsync($"/api/reports/{year}", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.Equal($"/api/report-runs/report-{year}-all", location);

        var until = DateTime.UtcNow.AddSeconds(120);
        JsonElement status;
        do
        {
            await Task.Delay(200);
            status = await stack.Bureau().GetFromJsonAsync<JsonElement>(location);
        } while (status.GetProperty("status").GetString() is "Pending" or "Running" && DateTime.UtcNow < until);
        Assert.Equal("Completed", status.GetProperty("status").GetString());
        Assert.Contains(company, status.GetProperty("output").GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        var json = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json", year: year)).RootElement;
        Assert.Equal(year, json.GetProperty("year").GetInt32());
    }

    private async Task<JsonElement> SignAsync(string company, string signer, string conclusion)
    {
        var draft = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("draft").GetProperty("id").GetString();
        var response = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer, conclusion, draft });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
