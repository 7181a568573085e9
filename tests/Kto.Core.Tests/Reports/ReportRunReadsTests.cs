using Kto.Core.Population;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// Issue 22: a report run reads <see cref="ReportSettings.ConcurrentReads"/> companies at a time, so each company's
/// render overlaps the next reads instead of every render waiting until all reads are done.
/// </summary>
public class ReportRunReadsTests
{
    private readonly GatedPopulationSource source = new();
    private readonly InMemorySurveyData data = new();

    private ReportRunReads Reads(int concurrentReads) =>
        new(new ReportFiguresService(new PopulationReader(source, new InMemoryCorrectionStore(), data, data),
            new QuestionnaireCatalog(new QuestionnaireSettings())), new ReportSettings { ConcurrentReads = concurrentReads });

    [Fact]
    public async Task Five_companies_drafted_at_once_are_read_two_at_a_time_and_the_next_starts_when_one_is_done()
    {
        var reads = Reads(2);

        var all = Enumerable.Range(1, 5).Select(i => reads.PopulationAsync($"c{i}", 2026, default)).ToList();

        Assert.Equal(2, await source.StartedAsync(3)); // a third waits for a slot
        source.Release(1);
        Assert.Equal(3, await source.StartedAsync(3)); // one done: the next one starts
        Assert.Equal(3, await source.StartedAsync(4)); // and no more
        source.Release(4);
        var years = await Task.WhenAll(all);

        Assert.Equal(2, source.MostAtOnce);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], years.Select(y => y.Company));
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], source.Started.Order());
    }

    [Fact]
    public async Task A_cancelled_read_gives_its_slot_back()
    {
        var reads = Reads(1);
        using var cancel = new CancellationTokenSource();

        var first = reads.PopulationAsync("c1", 2026, cancel.Token);
        Assert.Equal(1, await source.StartedAsync(1));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = reads.PopulationAsync("c2", 2026, default);
        Assert.Equal(2, await source.StartedAsync(2));
        source.Release(1);

        Assert.Equal("c2", (await second).Company);
    }
}
