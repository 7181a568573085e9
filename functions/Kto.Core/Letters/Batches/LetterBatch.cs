using Kto.Core.Fieldwork;

namespace Kto.Core.Letters;

/// <summary>
/// One print run of letters for a company and year: who made it and when, how many first and reminder letters, and
/// once posted, when and by whom. A batch made later for the same company and year replaces this one while it is
/// unposted (<see cref="LetterBatchService"/>).
/// </summary>
/// <param name="Id">Sortable by creation: <c>yyyyMMdd-HHmmss-xxxx</c> (UTC, 4 random hex digits).</param>
/// <param name="Version">Opaque version (an ETag) for marking it posted once.</param>
/// <param name="RecordingUntil">Posted: until when the one who marked it posted is writing its letter attempts (a claim);
/// after that, a later mark may finish what a crash left half done.</param>
/// <param name="AttemptsRecorded">Posted and every letter attempt of the batch is written.</param>
/// <param name="State">Being made in the background, ready (its PDF is there), failed, or empty (nothing was due).
/// Rows from before background runs have no state and read as ready.</param>
/// <param name="Total">The letters in the batch, known once the run has found who gets one; null before.</param>
/// <param name="Done">Letters drawn so far (the run's progress).</param>
/// <param name="PerPart">Letters per background step (PDF part), fixed when the batch's letters were found.</param>
/// <param name="WorkingUntil">Being made: the run's lease, renewed by every step; a making batch past it is given up
/// (marked failed, with its version) by the next make or mark, and a step of it that comes back later stops.</param>
public sealed record LetterBatch(
    string Id,
    string Company,
    int Year,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int FirstLetters,
    int ReminderLetters,
    DateTimeOffset? PostedAt = null,
    string? PostedBy = null,
    string Version = "",
    DateTimeOffset? RecordingUntil = null,
    bool AttemptsRecorded = false,
    LetterBatchState State = LetterBatchState.Ready,
    int? Total = null,
    int Done = 0,
    int PerPart = 0,
    DateTimeOffset? WorkingUntil = null)
{
    public int Count => FirstLetters + ReminderLetters;

    /// <summary>Being made and its run's lease has not run out.</summary>
    public bool IsMaking(DateTimeOffset now) => State == LetterBatchState.Making && now <= WorkingUntil;

    /// <summary>Being made but its run stopped renewing the lease (its worker died, or the request that started it).</summary>
    public bool IsStale(DateTimeOffset now) => State == LetterBatchState.Making && !(now <= WorkingUntil);

    /// <summary>The PDF parts the background run draws.</summary>
    public int Parts => Total is > 0 && PerPart > 0 ? (Total.Value + PerPart - 1) / PerPart : 0;

    public bool IsPosted => PostedAt is not null;

    /// <summary>A batch id as made by <see cref="LetterBatchService"/>; anything else is never looked up.</summary>
    public static bool LooksValid(string? id) =>
        id is { Length: 20 } && id[8] == '-' && id[15] == '-'
        && id[..8].All(char.IsAsciiDigit) && id[9..15].All(char.IsAsciiDigit) && id[16..].All(char.IsAsciiHexDigitLower);
}

/// <summary>One client in a batch and which letter it gets: <see cref="ContactStep.Invitation"/> or reminder n.</summary>
public sealed record LetterBatchItem(string ServiceId, ContactStep Letter);

/// <summary>Where a batch's background run is.</summary>
public enum LetterBatchState { Making, Ready, Failed, Empty }

/// <summary>A batch as the bureau sees it in a list (an empty one is not listed).</summary>
public enum LetterBatchStatus { Open, Posted, Replaced, Making, Failed }
