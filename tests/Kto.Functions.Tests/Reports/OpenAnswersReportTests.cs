using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Kto.Core.Accounts;
using Kto.Core.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Kto.Functions.Tests.Reports.OpenAnswerFixtures;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The open-answer appendix end to end (upload, answers in Azurite, the Durable report run, the three files): planted
/// personal data never reaches the PDF (pdftotext), the workbook (every cell of every sheet) or the JSON; ordinary
/// answers keep their words; the bureau hides an answer through the API (who and why in the audit log), and it stays
/// out of the next draft and the signed files.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class OpenAnswersReportTests(LocalStack stack)
{
    private static string WorkbookText(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        return string.Join("\n", workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()));
    }

    private static IEnumerable<JsonElement> OpenAnswers(JsonElement report) =>
        report.GetProperty("percelen").EnumerateArray().SelectMany(p => p.GetProperty("openAnswers").EnumerateArray());

    [Fact]
    public async Task Planted_personal_data_never_reaches_the_pdf_the_workbook_or_the_json_and_ordinary_answers_keep_their_words()
    {
        var (company, _) = await stack.NewCompanyAsync("red");
        var planted = PlantedCorpus();
        var ordinary = OrdinaryCorpus();
        Assert.True(planted.Count >= 30);
        await DeliverAsync(stack, company, planted.Select(p => p.Client).Concat(ordinary.Select(o => o.Client)));
        foreach (var (client, text, _) in planted) await AnswerAsync(stack, company, client, 8, goed: text);
        foreach (var (client, text) in ordinary) await AnswerAsync(stack, company, client, 7, beter: text);

        await RunReportAsync(stack, company);

        var jsonBytes = await DownloadAsync(stack.Bureau(), company, "report.json");
        var json = Encoding.UTF8.GetString(jsonBytes);
        var pdfText = PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf"));
        var xlsxText = WorkbookText(await DownloadAsync(stack.Bureau(), company, "report.xlsx"));
        foreach (var (_, text, secrets) in planted)
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, pdfText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, xlsxText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
            }

        // Every answer is in the appendix (redacted, so with the marker), under its own perceel.
        var report = JsonDocument.Parse(jsonBytes).RootElement;
        var answers = OpenAnswers(report).Select(a => a.GetProperty("text").GetString()!).ToList();
        Assert.Equal(planted.Count + ordinary.Count, answers.Count);
        Assert.Equal(planted.Count, answers.Count(a => a.Contains(OpenAnswerRedactor.Marker)));
        Assert.True(pdfText.Split(OpenAnswerRedactor.Marker).Length - 1 >= planted.Count);
        Assert.Contains("Bijlage: open antwoorden per perceel", pdfText);
        var naarWerk = report.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("figures").GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal(planted.Count(p => p.Client.Perceel == Kto.Core.Perceel.NaarWerk) + ordinary.Count(o => o.Client.Perceel == Kto.Core.Perceel.NaarWerk),
            naarWerk.GetProperty("openAnswers").GetArrayLength());

        // Ordinary answers come out word for word in all three files.
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadAsync(stack.Bureau(), company, "report.xlsx")));
        var sheetAnswers = workbook.Worksheet("Open antwoorden").RowsUsed().Skip(1).Select(r => r.Cell(5).GetString()).ToList();
        Assert.Equal(answers.Count, sheetAnswers.Count);
        foreach (var (_, text) in ordinary)
        {
            Assert.Contains(text, answers);
            Assert.Contains(text, sheetAnswers);
            Assert.Contains(text, pdfText);
        }
    }

    [Fact]
    public async Task The_bureau_hides_an_answer_with_who_and_why_and_it_stays_out_of_the_next_draft_and_the_signed_files()
    {
        var (company, key) = await stack.NewCompanyAsync("hide");
        var clients = Enumerable.Range(0, 3).Select(i => new OpenAnswerFixtures.Client($"H{i}00", "Noor", "Bos", Kto.Core.Perceel.NaarWerk, new DateOnly(2026, 3, 1 + i))).ToList();
        await DeliverAsync(stack, company, clients);
        await AnswerAsync(stack, company, clients[0], 8, goed: "De buurvrouw van de bakker op de hoek hielp me, die kent iedereen.");
        await AnswerAsync(stack, company, clients[1], 7, goed: "Fijne gesprekken.");
        await AnswerAsync(stack, company, clients[2], 6, beter: "Sneller terugbellen.");
        await RunReportAsync(stack, company);

        var list = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/open-answers");
        var draftBefore = list.GetProperty("draft").GetString()!;
        var target = list.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("text").GetString()!.Contains("buurvrouw"));
        var id = target.GetProperty("id").GetString()!;
        Assert.Equal("Wat ging er goed?", target.GetProperty("question").GetString());

        // Only the bureau; a reason and a name are required.
        var url = $"/api/reports/2026/{company}/open-answers/{id}/hide";
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(key).PostAsJsonAsync(url, new { hiddenBy = "x", reason = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(key).GetAsync($"/api/reports/2026/{company}/open-answers")).StatusCode);
        var noReason = await stack.Bureau().PostAsJsonAsync(url, new { hiddenBy = "A. Analist" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("invalid-reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var unknown = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/open-answers/0000000000000000/hide", new { hiddenBy = "A", reason = "B" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var hidden = await stack.Bureau().PostAsJsonAsync(url, new { hiddenBy = "A. Analist", reason = "Herkenbaar: noemt een buurvrouw en een winkel." });
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var body = await hidden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((id, "A. Analist", false), (body.GetProperty("answer").GetString(), body.GetProperty("hiddenBy").GetString(), body.GetProperty("alreadyHidden").GetBoolean()));
        Assert.NotEqual(draftBefore, body.GetProperty("draft").GetString());

        // The audit log names the answer, who and why (actor: the bureau key).
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(200, CancellationToken.None);
        var entry = audit.Single(e => e.Action == AuditActions.AnswerHidden && e.Company == company);
        Assert.Equal(AuditActions.BureauKey, entry.Actor);
        Assert.Contains(id, entry.Detail);
        Assert.Contains("A. Analist", entry.Detail);
        Assert.Contains("Herkenbaar: noemt een buurvrouw en een winkel.", entry.Detail);

        // Out of the draft's files at once, and out of the next draft.
        Assert.DoesNotContain("buurvrouw", Encoding.UTF8.GetString(await DownloadAsync(stack.Bureau(), company, "report.json")));
        await RunReportAsync(stack, company);
        var json = Encoding.UTF8.GetString(await DownloadAsync(stack.Bureau(), company, "report.json"));
        Assert.DoesNotContain("buurvrouw", json);
        Assert.Contains("Fijne gesprekken.", json);
        var again = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/open-answers");
        Assert.Equal(id, again.GetProperty("hidden").EnumerateArray().Single().GetProperty("answerId").GetString());

        // Signing the current draft: the signed files do not have it either.
        var sign = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign",
            new { signer = "Dr. B. Jansen", conclusion = "Akkoord.", draft = again.GetProperty("draft").GetString() });
        Assert.Equal(HttpStatusCode.Created, sign.StatusCode);
        Assert.DoesNotContain("buurvrouw", PdfText(await DownloadAsync(stack.Bureau(), company, "report.pdf", "1")));
        Assert.DoesNotContain("buurvrouw", WorkbookText(await DownloadAsync(stack.Bureau(), company, "report.xlsx", "1")));
        var signedJson = Encoding.UTF8.GetString(await DownloadAsync(stack.Bureau(), company, "report.json", "1"));
        Assert.DoesNotContain("buurvrouw", signedJson);
        Assert.Contains("Sneller terugbellen.", signedJson);
    }
}
