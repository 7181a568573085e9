using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Kto.Core;
using Kto.Functions.Tests.Support;
using static Kto.Functions.Tests.Reports.OpenAnswerFixtures;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// Two years of data in Azurite: 2025 is drafted and signed, then 2026 is drafted and shows 2025 beside it (from the
/// signed version's stored inputs) in the JSON, the workbook and the PDF; a company without a 2025 report says so.
/// The exemption letter for a perceel under five ended services, read back with pdftotext.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class YearComparisonReportTests(LocalStack stack)
{
    private static OpenAnswerFixtures.Client C(string id, Kto.Core.Perceel perceel, int year) => new(id, "Sam", "Jansen", perceel, new DateOnly(year, 4, 10));

    /// <summary>
    /// 2025: Naar werk 5 ended, grades 6, 7, 8 (mean 7.0, 3/5 = 60%, KPI met); Praktijkassessment 2 ended, grade 9 (50%).
    /// 2026: Naar werk 4 ended, grades 5, 6 (mean 5.5, 2/4 = 50%, KPI missed); Werkfit maken 6 ended, grades 8, 8, 9.
    /// </summary>
    private async Task<string> TwoYearsAsync(bool signPreviousYear)
    {
        var (company, _) = await stack.NewCompanyAsync("yoy");
        var y2025 = new[] { "N1", "N2", "N3", "N4", "N5" }.Select(id => C(id, Kto.Core.Perceel.NaarWerk, 2025))
            .Concat(new[] { "P1", "P2" }.Select(id => C(id, Kto.Core.Perceel.Praktijkassessment, 2025))).ToList();
        var y2026 = new[] { "M1", "M2", "M3", "M4" }.Select(id => C(id, Kto.Core.Perceel.NaarWerk, 2026))
            .Concat(new[] { "W1", "W2", "W3", "W4", "W5", "W6" }.Select(id => C(id, Kto.Core.Perceel.WerkfitMaken, 2026))).ToList();
        await DeliverAsync(stack, company, y2025, "levering-2025.csv");
        await DeliverAsync(stack, company, y2026, "levering-2026.csv");
        foreach (var (client, grade) in y2025.Zip([6, 7, 8, 0, 0, 9, 0]).Where(x => x.Second > 0)) await AnswerAsync(stack, company, client, grade);
        foreach (var (client, grade) in y2026.Zip([5, 6, 0, 0, 8, 8, 9, 0, 0, 0]).Where(x => x.Second > 0)) await AnswerAsync(stack, company, client, grade);

        if (signPreviousYear)
        {
            await RunReportAsync(stack, company, 2025);
            var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2025/{company}");
            var sign = await stack.Bureau().PostAsJsonAsync($"/api/reports/2025/{company}/sign",
                new { signer = "Dr. B. Jansen", conclusion = "Akkoord.", draft = status.GetProperty("draft").GetProperty("id").GetString() });
            Assert.Equal(HttpStatusCode.Created, sign.StatusCode);
        }
        await RunReportAsync(stack, company, 2026);
        return company;
    }

    private static JsonElement PerceelOf(JsonElement report, string name) =>
        report.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("figures").GetProperty("perceel").GetString() == name);

    [Fact]
    public async Task The_previous_years_signed_figures_stand_beside_this_years_with_the_change_in_json_xlsx_and_pdf()
    {
        var company = await TwoYearsAsync(signPreviousYear: true);

        var report = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement;
        var comparison = report.GetProperty("previousYear");
        Assert.Equal((2025, 1, true), (comparison.GetProperty("previousYear").GetInt32(), comparison.GetProperty("previousVersion").GetInt32(), comparison.GetProperty("available").GetBoolean()));

        var naarWerk = PerceelOf(report, "Naar werk");
        var was = naarWerk.GetProperty("previousYear");
        Assert.Equal((5, 3), (was.GetProperty("ended").GetInt32(), was.GetProperty("responded").GetInt32()));
        Assert.Equal(0.6, was.GetProperty("responseRate").GetDouble(), 9);
        Assert.Equal(7.0, was.GetProperty("meanGrade").GetDouble(), 9);
        Assert.True(was.GetProperty("kpiMet").GetBoolean());
        Assert.False(naarWerk.GetProperty("kpiMet").GetBoolean());
        Assert.Equal(5.5 - 7.0, was.GetProperty("meanGradeChange").GetDouble(), 9);
        Assert.Equal(0.5 - 0.6, was.GetProperty("responseRateChange").GetDouble(), 9);
        var praktijk = PerceelOf(report, "Praktijkassessment").GetProperty("previousYear");
        Assert.Equal(9.0, praktijk.GetProperty("meanGrade").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, praktijk.GetProperty("meanGradeChange").ValueKind); // no grades in 2026

        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx")));
        var row = workbook.Worksheet("Vorig jaar").RowsUsed().Single(r => r.Cell(1).GetString() == "Naar werk");
        Assert.Equal(2025, row.Cell(2).GetValue<int>());
        Assert.Equal(0.6, row.Cell(6).GetValue<double>(), 9);
        Assert.Equal(0.5 - 0.6, row.Cell(8).GetValue<double>(), 9);
        Assert.Equal(7.0, row.Cell(9).GetValue<double>(), 9);
        Assert.Equal(5.5, row.Cell(10).GetValue<double>(), 9);
        Assert.Equal(-1.5, row.Cell(11).GetValue<double>(), 9);
        Assert.Equal(("ja", "nee"), (row.Cell(12).GetString(), row.Cell(13).GetString()));

        var text = PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf"));
        Assert.Contains("Vergelijking met 2025", text);
        Assert.Contains("Naar werk 7,0 5,5 −1,5 60,0% 50,0% −10,0 ja nee", text);
        // pdftotext sets a space before a colon after "%"; the text itself has none.
        Assert.Matches(@"gemiddeld cijfer 7,0 \(nu 5,5: −1,5\); respons 60,0% \(nu 50,0% ?: −10,0 procentpunt\); KPI gehaald \(nu niet gehaald\)", text);
        Assert.Contains("Vorig jaar (2025) geen beëindigde diensten in 2025", text); // Werkfit maken
        Assert.Contains("Vergeleken met het ondertekende rapport over 2025 (versie 1)", text);
    }

    [Fact]
    public async Task Without_a_signed_report_over_the_year_before_every_file_says_so()
    {
        var company = await TwoYearsAsync(signPreviousYear: false);

        var report = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement;
        Assert.Equal("geen rapport over 2025", report.GetProperty("previousYear").GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, PerceelOf(report, "Naar werk").GetProperty("previousYear").ValueKind);
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx")));
        Assert.Equal("geen rapport over 2025", workbook.Worksheet("Rapport").RowsUsed().Single(r => r.Cell(1).GetString() == "Vergelijking met vorig jaar").Cell(2).GetString());
        Assert.All(workbook.Worksheet("Vorig jaar").RowsUsed().Skip(1), r => Assert.Equal("geen rapport over 2025", r.Cell(14).GetString()));
        Assert.Contains("Vergelijking met 2025: geen rapport over 2025.", PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf")));
    }

    [Fact]
    public async Task The_bureau_downloads_a_ready_exemption_letter_for_a_perceel_under_five_ended_services()
    {
        var company = await TwoYearsAsync(signPreviousYear: false);

        var response = await stack.Bureau().GetAsync($"/api/reports/2026/{company}/exemption/naar-werk");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"vrijstelling-2026-{company}-naar-werk.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ter attentie van de accounthouder van Test Re-integratie " + company, text);
        Assert.Contains("Betreft: Verzoek om vrijstelling klanttevredenheidsonderzoek 2026, perceel Naar werk", text);
        Assert.Contains("Geachte accounthouder,", text);
        Assert.Contains("In 2026 zijn in dit perceel 4 re-integratiediensten beëindigd. Dat zijn er minder dan 5.", text);
        Assert.Contains("vóór 1 maart 2027", text);
        Assert.Contains("Testbureau Onderzoek", text);

        var notEligible = await stack.Bureau().GetAsync($"/api/reports/2026/{company}/exemption/werkfit-maken");
        Assert.Equal(HttpStatusCode.Conflict, notEligible.StatusCode);
        var error = await notEligible.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not-eligible", error.GetProperty("error").GetString());
        Assert.Contains("6 beëindigde diensten", error.GetProperty("message").GetString());
        Assert.Equal("unknown-perceel", (await (await stack.Bureau().GetAsync($"/api/reports/2026/{company}/exemption/iets")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync($"/api/reports/2024/{company}/exemption/naar-werk")).StatusCode);
        var key = (await stack.NewCompanyAsync("other")).Key;
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(key).GetAsync($"/api/reports/2026/{company}/exemption/naar-werk")).StatusCode);
    }
}
