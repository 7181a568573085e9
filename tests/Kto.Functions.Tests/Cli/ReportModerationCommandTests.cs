using System.Text.Json;
using Kto.Core;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using static Kto.Functions.Tests.Reports.OpenAnswerFixtures;

namespace Kto.Functions.Tests.Cli;

/// <summary>
/// ./kto open-answers (list with ids, hide) and ./kto exemption (the letter's PDF) against the local stack: the same
/// API routes the portal's pages sit beside, with the bureau key; a company key or a missing report exits 1.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ReportModerationCommandTests(LocalStack stack)
{
    [Fact]
    public async Task Open_answers_lists_the_draft_answers_with_ids_and_hide_takes_one_out_of_the_draft_once()
    {
        var (company, key) = await stack.NewCompanyAsync("cliopen");
        var clients = new[]
        {
            new OpenAnswerFixtures.Client("C100", "Fenna", "Oudshoorn", Perceel.NaarWerk, new DateOnly(2026, 3, 2)),
            new OpenAnswerFixtures.Client("C200", "Noor", "Bos", Perceel.NaarWerk, new DateOnly(2026, 3, 3)),
        };
        await DeliverAsync(stack, company, clients);
        await AnswerAsync(stack, company, clients[0], 8, goed: "Ik ben Fenna en alles was duidelijk.");
        await AnswerAsync(stack, company, clients[1], 7, goed: "De buurvrouw van de bakker hielp me.");

        // No draft yet: the API's 404 on stdout, exit 1.
        var none = await KtoCli.RunAsync(stack, "open-answers", company, "--year", "2026");
        Assert.Equal(1, none.Exit);
        Assert.Contains("Er is geen concept over 2026", none.Stdout);

        await ReportStack.RunReportAsync(stack, company);
        var listed = await KtoCli.RunAsync(stack, "open-answers", company, "--year", "2026");
        Assert.True(listed.Exit == 0, listed.Stderr + listed.Stdout);
        var answers = JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(2, answers.Count);
        Assert.Contains(answers, a => a.GetProperty("text").GetString() == "Ik ben [verwijderd] en alles was duidelijk.");
        Assert.All(answers, a => Assert.Matches("^[0-9a-f]{16}$", a.GetProperty("id").GetString()));
        var target = answers.Single(a => a.GetProperty("text").GetString()!.Contains("buurvrouw")).GetProperty("id").GetString()!;

        var hidden = await KtoCli.RunAsync(stack, "open-answers", "hide", company, "--year", "2026", "--answer", target,
            "--reason", "Noemt een buur: herkenbaar.", "--by", "A. Analist");
        Assert.True(hidden.Exit == 0, hidden.Stderr + hidden.Stdout);
        var hiding = JsonDocument.Parse(hidden.Stdout).RootElement;
        Assert.Equal(target, hiding.GetProperty("answer").GetString());
        Assert.False(hiding.GetProperty("alreadyHidden").GetBoolean());
        Assert.Equal("A. Analist", hiding.GetProperty("hiddenBy").GetString());

        // The same command again answers alike, marked as already hidden; the list no longer has it and names it hidden.
        var again = await KtoCli.RunAsync(stack, "open-answers", "hide", company, "--year", "2026", "--answer", target,
            "--reason", "Noemt een buur: herkenbaar.", "--by", "A. Analist");
        Assert.True(again.Exit == 0, again.Stderr + again.Stdout);
        Assert.True(JsonDocument.Parse(again.Stdout).RootElement.GetProperty("alreadyHidden").GetBoolean());
        var after = JsonDocument.Parse((await KtoCli.RunAsync(stack, "open-answers", company, "--year", "2026")).Stdout).RootElement;
        Assert.DoesNotContain(after.GetProperty("answers").EnumerateArray(), a => a.GetProperty("id").GetString() == target);
        Assert.Contains(after.GetProperty("hidden").EnumerateArray(), h => h.GetProperty("answerId").GetString() == target);

        // An unknown answer, a missing reason, a company key: exit 1.
        var unknown = await KtoCli.RunAsync(stack, "open-answers", "hide", company, "--year", "2026", "--answer", new string('0', 16), "--reason", "x");
        Assert.Equal(1, unknown.Exit);
        var noReason = await KtoCli.RunAsync(stack, "open-answers", "hide", company, "--year", "2026", "--answer", target);
        Assert.Equal(1, noReason.Exit);
        Assert.Contains("--reason", noReason.Stderr);
        var asCompany = await KtoCli.RunAsync(stack.BaseUrl, key, "open-answers", company, "--year", "2026");
        Assert.Equal(1, asCompany.Exit);
    }

    [Fact]
    public async Task Exemption_writes_the_letter_of_the_one_perceel_that_qualifies_and_asks_for_a_perceel_when_several_do()
    {
        var (company, _) = await stack.NewCompanyAsync("cliexem");
        var output = Path.Combine(TestTemp.Folder("kto-exemption-"), "vrijstelling.pdf");

        var noReport = await KtoCli.RunAsync(stack, "exemption", company, "--year", "2026", "--out", output);
        Assert.Equal(1, noReport.Exit);
        Assert.Contains("Er is nog geen rapport over 2026", noReport.Stderr);
        Assert.False(File.Exists(output));

        await DeliverAsync(stack, company, [
            new OpenAnswerFixtures.Client("E100", "Ans", "Vos", Perceel.NaarWerk, new DateOnly(2026, 3, 2)),
            new OpenAnswerFixtures.Client("E200", "Bas", "Wit", Perceel.NaarWerk, new DateOnly(2026, 4, 2)),
        ]);
        await ReportStack.RunReportAsync(stack, company);

        // One perceel with ended services: its letter, without naming it.
        var one = await KtoCli.RunAsync(stack, "exemption", company, "--year", "2026", "--out", output);
        Assert.True(one.Exit == 0, one.Stderr + one.Stdout);
        Assert.Contains($"written to {output}", one.Stderr);
        var text = ReportStack.PdfText(await File.ReadAllBytesAsync(output));
        Assert.Contains("perceel Naar werk", text);
        Assert.Contains("In 2026 zijn in dit perceel 2 re-integratiediensten beëindigd.", text);

        // A second perceel with ended services: the command names both and asks for --perceel; with it, that letter.
        await DeliverAsync(stack, company, [new OpenAnswerFixtures.Client("E300", "Cor", "Zon", Perceel.Praktijkassessment, new DateOnly(2026, 5, 2))], "tweede.csv");
        await ReportStack.RunReportAsync(stack, company);
        var several = await KtoCli.RunAsync(stack, "exemption", company, "--year", "2026", "--out", output);
        Assert.Equal(1, several.Exit);
        Assert.Contains("2 percelen qualify: naar-werk, praktijkassessment; choose one with --perceel", several.Stderr);
        var chosen = await KtoCli.RunAsync(stack, "exemption", company, "--year", "2026", "--perceel", "praktijkassessment", "--out", output);
        Assert.True(chosen.Exit == 0, chosen.Stderr + chosen.Stdout);
        Assert.Contains("perceel Praktijkassessment", ReportStack.PdfText(await File.ReadAllBytesAsync(output)));

        var unknown = await KtoCli.RunAsync(stack, "exemption", company, "--year", "2026", "--perceel", "tuinieren", "--out", output);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("unknown-perceel", unknown.Stderr);
    }
}
