using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Functions.Tests.Support;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// Issue 26 item 10: the report's words follow its figures. The UWV report PDF and the Keurmerk PDF read back with
/// poppler's pdftotext: the count sentence says "all were invited" only when the table says so, the KPI column
/// does not give a yes or no that too few answers cannot carry, and the remark on missing reasons of ending is in
/// the Keurmerk report, not in UWV's.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ReportTextTests(LocalStack stack)
{
    private const string AllInvited = "Alle klanten van wie de dienst in 2026 is beëindigd, zijn uitgenodigd";
    private const string TooFew = "te weinig antwoorden om dit te beoordelen";

    [Fact]
    public async Task With_clients_not_approached_the_pdf_gives_the_counts_of_the_table_and_too_few_answers_give_no_yes_or_no()
    {
        // Naar werk: s1–s3 invited, s4 and s5 delivered after the invitations went out, so never approached; s1 and s2
        // answer (n = 2, under IndicativeBelowRespondents = 10). Werkfit maken: w1–w10 all approached and all answer 8
        // (n = N = 10: the interval is 8–8, above the norm 7, so "ja"). Praktijkassessment: p1 and p2 without a reason
        // of ending. Ended 5 + 10 + 2 = 17, approached 3 + 10 + 2 = 15.
        var (company, _) = await stack.NewCompanyAsync("t");
        string Row(string id, string perceel, string reason) => $"{id};Sam;Jansen;{id}@{company}.test;0612345678;{perceel};15-06-2026;{reason}";
        string[] first =
        [
            Row("s1", "Naar werk", "Werk gevonden"), Row("s2", "Naar werk", "Werk gevonden"), Row("s3", "Naar werk", "Werk gevonden"),
            .. Enumerable.Range(1, 10).Select(i => Row($"w{i}", "Werkfit maken", "Werk gevonden")),
            Row("p1", "Praktijkassessment", ""), Row("p2", "Praktijkassessment", ""),
        ];
        Assert.Equal(15, (await stack.DeliverAsync(company, "levering.csv", Csv(first))).GetProperty("accepted").GetInt32());
        await stack.RunJobAsync("send-invitations", Tuesday);
        Assert.Equal(2, (await stack.DeliverAsync(company, "later.csv", Csv(Row("s4", "Naar werk", "Werk gevonden"), Row("s5", "Naar werk", "Werk gevonden"))))
            .GetProperty("accepted").GetInt32());
        var services = await ServicesAsync(stack, company);
        await AnswerAsync(stack, services["s1"], 8);
        await AnswerAsync(stack, services["s2"], 9);
        for (var i = 1; i <= 10; i++) await AnswerAsync(stack, services[$"w{i}"], 8);
        await RunReportAsync(stack, company);

        // The figures the table shows, from the same draft's report.json.
        var json = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement;
        var figures = json.GetProperty("percelen").EnumerateArray().Select(p => p.GetProperty("figures"))
            .ToDictionary(f => f.GetProperty("perceel").GetString()!, f => (Ended: f.GetProperty("ended").GetInt32(), Approached: f.GetProperty("approached").GetInt32()));
        Assert.Equal((5, 3), figures["Naar werk"]);
        var ended = figures.Values.Sum(f => f.Ended);
        var approached = figures.Values.Sum(f => f.Approached);
        Assert.Equal((17, 15), (ended, approached));

        var pdf = await DownloadAsync(stack.Bureau(), company, "report.pdf");
        var text = PdfText(pdf);
        Assert.DoesNotContain(AllInvited, text);
        Assert.DoesNotContain("iedereen is uitgenodigd", text);
        Assert.Contains($"alle {ended} klanten van wie de dienst in 2026 is beëindigd, horen te worden uitgenodigd. Benaderd zijn er {approached}; {ended - approached} niet", text);
        Assert.Matches(@"Naar werk 5 3 2 ", text);

        // The KPI column: too few answers for Naar werk, a plain "ja" for Werkfit maken.
        var words = PdfWords(pdf);
        Assert.Equal(TooFew, KpiCell(words, "Naar werk"));
        Assert.Equal("ja", KpiCell(words, "Werkfit maken"));

        // The remark on missing reasons of ending: in the Keurmerk PDF, not in UWV's.
        Assert.DoesNotContain("geen reden van beëindiging", text);
        var keurmerk = await stack.Bureau().GetAsync($"/api/keurmerk/2026/{company}/keurmerk.pdf");
        Assert.Equal(HttpStatusCode.OK, keurmerk.StatusCode);
        var keurmerkText = PdfText(await keurmerk.Content.ReadAsByteArrayAsync());
        Assert.Contains("noemen de leveringen geen reden van beëindiging", keurmerkText);
    }

    [Fact]
    public async Task With_every_client_approached_the_pdf_says_all_were_invited()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        await RunReportAsync(stack, company);
        var json = JsonDocument.Parse(await DownloadAsync(stack.Bureau(), company, "report.json")).RootElement;
        Assert.All(json.GetProperty("percelen").EnumerateArray().Select(p => p.GetProperty("figures")),
            f => Assert.Equal(f.GetProperty("ended").GetInt32(), f.GetProperty("approached").GetInt32()));

        var text = PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf"));
        Assert.Contains(AllInvited, text);
        Assert.DoesNotContain("Benaderd zijn er", text);
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    /// <summary>
    /// The KPI cell of a perceel's row in the summary table, read by place: the words between the "KPI" and "Minimale"
    /// headers, from the row's first word down to the next word in the Perceel column. Letters of the diagonal
    /// "CONCEPT" watermark that happen to fall in the cell are not its text.
    /// </summary>
    private static string KpiCell(IReadOnlyList<PdfWord> words, string perceel)
    {
        var kpi = words.First(w => w.Text == "KPI");
        var page = words.Where(w => w.Page == kpi.Page).ToList();
        var right = page.First(w => w.Text == "Minimale" && Math.Abs(w.Y - kpi.Y) < 2);
        var left = page.First(w => w.Text == "Perceel" && Math.Abs(w.Y - kpi.Y) < 2);
        var firstWord = perceel.Split(' ')[0];
        var row = page.First(w => w.Text == firstWord && w.Y > kpi.Y && Math.Abs(w.X - left.X) < 2);
        var next = page.Where(w => w.Y > row.Y + 2 && Math.Abs(w.X - left.X) < 2).Select(w => w.Y).DefaultIfEmpty(double.MaxValue).Min();
        return string.Join(" ", page
            .Where(w => w.X >= kpi.X - 1 && w.X < right.X - 1 && w.Y >= row.Y - 2 && w.Y < next - 2 && !"CONCEPT".Contains(w.Text, StringComparison.Ordinal))
            .OrderBy(w => w.Y).ThenBy(w => w.X).Select(w => w.Text));
    }
}
