using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kto.Core.Accounts;
using Kto.Core.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Kto.Functions.Tests.Reports.OpenAnswerFixtures;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// Issue 21 item 4: a hide and a draft run that overlap. The newest inputs win, decided in storage (the draft row's
/// ETag), and concurrent identical hides are recorded and audited once.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class HideDraftRaceTests(LocalStack stack)
{
    /// <summary>
    /// A hide read the draft (3 answers) and is held just before its save; meanwhile a fourth answer comes in and a
    /// report run completes through the real host. Then the hide saves. Before (an unconditional replace) the hide's
    /// rebuild of the older draft overwrote the run's: the current draft had 3 respondents again.
    /// </summary>
    [Fact]
    public async Task A_hide_held_while_a_run_with_newer_figures_completes_leaves_the_newer_figures_with_the_answer_hidden()
    {
        var (company, _) = await stack.NewCompanyAsync("race");
        var clients = Enumerable.Range(0, 4).Select(i => new OpenAnswerFixtures.Client($"R{i}00", "Noor", "Bos", Kto.Core.Perceel.NaarWerk, new DateOnly(2026, 3, 1 + i))).ToList();
        await DeliverAsync(stack, company, clients);
        await AnswerAsync(stack, company, clients[0], 8, goed: "De buurvrouw van de bakker op de hoek hielp me.");
        await AnswerAsync(stack, company, clients[1], 7, goed: "Fijne gesprekken.");
        await AnswerAsync(stack, company, clients[2], 6, beter: "Sneller terugbellen.");
        await RunReportAsync(stack, company);
        Assert.Equal(3, NaarWerkResponded(await DraftJsonAsync(company)));
        var id = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/open-answers")).GetProperty("answers")
            .EnumerateArray().Single(a => a.GetProperty("text").GetString()!.Contains("buurvrouw")).GetProperty("id").GetString()!;

        var gated = new GatedReportArchive(stack.Services.GetRequiredService<IReportArchive>());
        // The hiding service as the host wires it, with its builder's draft replace going through the gate.
        var answerHiding = ActivatorUtilities.CreateInstance<AnswerHidingService>(stack.Services, (IReportArchive)gated,
            ActivatorUtilities.CreateInstance<DraftReportBuilder>(stack.Services, (IReportArchive)gated));
        var hide = Task.Run(() => answerHiding.HideAnswerAsync(company, 2026, id, "A. Analist", "Herkenbaar.", CancellationToken.None));
        try
        {
            await gated.Arrived.WaitAsync(TimeSpan.FromSeconds(60));
            await AnswerAsync(stack, company, clients[3], 9, goed: "Nieuw antwoord na het verbergen.");
            await RunReportAsync(stack, company);
            Assert.Equal(4, NaarWerkResponded(await DraftJsonAsync(company)));
        }
        finally
        {
            gated.Release();
        }

        var hiding = await hide.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(AnswerHidingOutcome.Hidden, hiding.Outcome);
        var json = await DraftJsonAsync(company);
        Assert.Equal(4, NaarWerkResponded(json)); // the run's newer figures stand
        var text = json.ToString();
        Assert.DoesNotContain("buurvrouw", text); // and the answer stays hidden
        Assert.Contains("Nieuw antwoord na het verbergen.", text);
        var current = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/open-answers")).GetProperty("draft").GetString();
        Assert.Equal(current, hiding.Draft!.Id); // the hide answers the draft that is current
    }

    /// <summary>
    /// Five identical hides of one answer at once through the API, over two rounds: all answer 200 with the same
    /// (current) draft, exactly one says it hid the answer, and the audit log has one line for it.
    /// </summary>
    [Fact]
    public async Task Identical_hides_at_once_answer_alike_with_one_draft_and_write_one_audit_line()
    {
        var (company, _) = await stack.NewCompanyAsync("hides");
        var clients = Enumerable.Range(0, 3).Select(i => new OpenAnswerFixtures.Client($"Q{i}00", "Noor", "Bos", Kto.Core.Perceel.NaarWerk, new DateOnly(2026, 4, 1 + i))).ToList();
        await DeliverAsync(stack, company, clients);
        await AnswerAsync(stack, company, clients[0], 8, goed: "Eerste open antwoord.");
        await AnswerAsync(stack, company, clients[1], 7, goed: "Tweede open antwoord.");
        await AnswerAsync(stack, company, clients[2], 6, beter: "Derde open antwoord.");
        await RunReportAsync(stack, company);
        var answers = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/open-answers")).GetProperty("answers")
            .EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();

        foreach (var id in answers.Take(2))
        {
            var clientsAtOnce = Enumerable.Range(0, 5).Select(_ => stack.Bureau()).ToList();
            var responses = await Task.WhenAll(clientsAtOnce.Select(c =>
                c.PostAsJsonAsync($"/api/reports/2026/{company}/open-answers/{id}/hide", new { hiddenBy = "A. Analist", reason = "Herkenbaar." })));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
            Assert.Single(bodies, b => !b.GetProperty("alreadyHidden").GetBoolean());
            var drafts = bodies.Select(b => b.GetProperty("draft").GetString()).Distinct().ToList();
            Assert.Single(drafts);
            var list = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/open-answers");
            Assert.Equal(drafts[0], list.GetProperty("draft").GetString());
            Assert.DoesNotContain(id, list.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

            var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, CancellationToken.None);
            Assert.Single(audit, e => e.Action == AuditActions.AnswerHidden && e.Company == company && e.Detail.Contains(id));
        }
    }

    private async Task<JsonElement> DraftJsonAsync(string company) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(await DownloadAsync(stack.Bureau(), company, "report.json"))).RootElement;

    private static int NaarWerkResponded(JsonElement report) => report.GetProperty("percelen").EnumerateArray()
        .Select(p => p.GetProperty("figures")).Single(f => f.GetProperty("perceel").GetString() == "Naar werk").GetProperty("responded").GetInt32();
}
