using System.Text;
using Kto.Core.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The draft replace against Azurite (issue 22: the store no longer reads the draft row again, it takes the draft the
/// caller read): a replace naming a draft saved over since stores nothing and keeps none of its files, the replaced
/// draft's files go, and the current draft's own content again writes nothing.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class DraftReplaceTests(LocalStack stack)
{
    private static readonly DateTimeOffset At = new(2027, 1, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_replace_naming_an_older_draft_stores_nothing_and_the_current_content_again_writes_nothing()
    {
        var archive = stack.Services.GetRequiredService<IReportArchive>();
        var company = $"rpl{Guid.NewGuid():N}"[..16];
        var first = await archive.TryReplaceDraftAsync(company, 2026, Files("one"), Inputs(At), "ok", null, default);
        var read = await archive.GetCurrentDraftAsync(company, 2026, default);
        var second = await archive.TryReplaceDraftAsync(company, 2026, Files("two"), Inputs(At.AddDays(1)), "ok", read, default);
        Assert.NotNull(second);
        Assert.Null(await archive.ReadDraftFileAsync(company, 2026, first!.Id, ReportFileNames.Pdf, default)); // the replaced draft's files are gone

        // Still naming the first draft, read before the second was saved: not stored, and none of its files kept.
        var stale = await archive.TryReplaceDraftAsync(company, 2026, Files("three"), Inputs(At.AddDays(2)), "ok", read, default);
        Assert.Null(stale);
        Assert.Equal(second.Id, (await archive.GetDraftAsync(company, 2026, default))!.Id);
        Assert.Null(await archive.ReadDraftFileAsync(company, 2026, DraftIdOf(Files("three")), ReportFileNames.Pdf, default));
        Assert.Equal(Encoding.UTF8.GetBytes("pdf two"), await archive.ReadDraftFileAsync(company, 2026, second.Id, ReportFileNames.Pdf, default));

        // The current draft's content again (a retried activity): it is current already, the row is not written again.
        var current = await archive.GetCurrentDraftAsync(company, 2026, default);
        Assert.Equal(second, await archive.TryReplaceDraftAsync(company, 2026, Files("two"), Inputs(At.AddDays(1)), "ok", current, default));
        Assert.Equal(current!.Revision, (await archive.GetCurrentDraftAsync(company, 2026, default))!.Revision);
    }

    private static ReportFiles Files(string name) =>
        new(Encoding.UTF8.GetBytes($"pdf {name}"), Encoding.UTF8.GetBytes($"xlsx {name}"), Encoding.UTF8.GetBytes($"{{\"draft\":\"{name}\"}}"));

    private static string DraftIdOf(ReportFiles files) => Kto.Infrastructure.Reports.ReportArchive.DraftIdOf(files);

    private static ReportDraftInputs Inputs(DateTimeOffset generatedAt) => new("Rpl BV", "2026.1", generatedAt, []);
}
