using Kto.Core.Letters;

namespace Kto.Core.Tests.Letters;

/// <summary>A batch's own rules: its counts, its run's lease, its parts, the ids it accepts, and its status among the others.</summary>
public sealed class LetterBatchTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static LetterBatch Batch(string id = "20260601-120000-abcd", int year = 2026, DateTimeOffset? created = null,
        LetterBatchState state = LetterBatchState.Ready, DateTimeOffset? postedAt = null, DateTimeOffset? workingUntil = null) =>
        new(id, "acme", year, created ?? Noon, "piet@bureau.nl", 2, 3, PostedAt: postedAt, State: state, WorkingUntil: workingUntil);

    [Fact]
    public void A_batch_counts_its_first_and_reminder_letters_together() => Assert.Equal(5, Batch().Count);

    [Fact]
    public void A_run_is_making_up_to_the_end_of_its_lease_and_stale_only_after_it()
    {
        var batch = Batch(state: LetterBatchState.Making, workingUntil: Noon);
        Assert.Equal((true, false), (batch.IsMaking(Noon), batch.IsStale(Noon)));
        Assert.Equal((false, true), (batch.IsMaking(Noon.AddTicks(1)), batch.IsStale(Noon.AddTicks(1))));
        Assert.Equal((false, false), (Batch().IsMaking(Noon.AddDays(1)), Batch().IsStale(Noon.AddDays(1)))); // ready: neither
    }

    [Theory]
    [InlineData(501, 250, 3)]
    [InlineData(500, 250, 2)]
    [InlineData(1, 250, 1)]
    [InlineData(0, 250, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(null, 250, 0)]
    public void The_letters_are_drawn_in_parts_of_at_most_the_letters_per_part(int? total, int perPart, int parts) =>
        Assert.Equal(parts, (Batch() with { Total = total, PerPart = perPart }).Parts);

    [Theory]
    [InlineData("20260601-120000-abcd", true)]
    [InlineData("2026060a-120000-abcd", false)]  // a letter among the date's digits
    [InlineData("20260601-12000x-abcd", false)]  // ... among the time's
    [InlineData("20260601-120000-abcg", false)]  // not hex
    [InlineData("20260601-120000-ABCD", false)]  // hex, but not as made
    [InlineData("20260601_120000-abcd", false)]
    [InlineData("20260601-120000-abcde", false)]
    [InlineData("../../etc/passwd-abcd", false)]
    [InlineData(null, false)]
    public void Only_an_id_as_made_is_looked_up(string? id, bool valid) => Assert.Equal(valid, LetterBatch.LooksValid(id));

    [Fact]
    public void A_ready_batch_is_replaced_by_a_later_one_of_the_same_year_only()
    {
        var open = Batch("20260601-120000-aaaa");
        var otherYear = Batch("20260601-130000-bbbb", year: 2025, created: Noon.AddHours(1));
        var earlier = Batch("20260601-110000-cccc", created: Noon.AddHours(-1));
        Assert.Equal(LetterBatchStatus.Open, LetterBatchService.StatusOf(open, [open, otherYear, earlier], Noon.AddHours(2)));

        var later = Batch("20260601-130000-dddd", created: Noon.AddHours(1));
        Assert.Equal(LetterBatchStatus.Replaced, LetterBatchService.StatusOf(open, [open, later], Noon.AddHours(2)));
        // A later one still being made replaces it too; one whose run died does not.
        var making = later with { State = LetterBatchState.Making, WorkingUntil = Noon.AddHours(3) };
        Assert.Equal(LetterBatchStatus.Replaced, LetterBatchService.StatusOf(open, [open, making], Noon.AddHours(2)));
        Assert.Equal(LetterBatchStatus.Open, LetterBatchService.StatusOf(open, [open, making], Noon.AddHours(4)));
    }

    [Fact]
    public void Made_in_the_same_second_the_higher_id_is_the_later_batch()
    {
        var low = Batch("20260601-120000-1111");
        var high = Batch("20260601-120000-ffff");
        Assert.Equal(LetterBatchStatus.Replaced, LetterBatchService.StatusOf(low, [low, high], Noon));
        Assert.Equal(LetterBatchStatus.Open, LetterBatchService.StatusOf(high, [low, high], Noon));
    }

    [Fact]
    public void A_posted_batch_stays_posted_whatever_is_made_after_it()
    {
        var posted = Batch(postedAt: Noon);
        var later = Batch("20260601-130000-dddd", created: Noon.AddHours(1));
        Assert.Equal(LetterBatchStatus.Posted, LetterBatchService.StatusOf(posted, [posted, later], Noon.AddHours(2)));
    }

    [Theory]
    [InlineData(LetterBatchState.Failed)]
    [InlineData(LetterBatchState.Empty)]
    public void A_failed_or_empty_batch_reads_failed(LetterBatchState state) =>
        Assert.Equal(LetterBatchStatus.Failed, LetterBatchService.StatusOf(Batch(state: state), [], Noon));
}
