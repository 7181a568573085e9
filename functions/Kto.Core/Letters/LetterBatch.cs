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
    bool AttemptsRecorded = false)
{
    public int Count => FirstLetters + ReminderLetters;

    public bool IsPosted => PostedAt is not null;

    /// <summary>A batch id as made by <see cref="LetterBatchService"/>; anything else is never looked up.</summary>
    public static bool LooksValid(string? id) =>
        id is { Length: 20 } && id[8] == '-' && id[15] == '-'
        && id[..8].All(char.IsAsciiDigit) && id[9..15].All(char.IsAsciiDigit) && id[16..].All(char.IsAsciiHexDigitLower);
}

/// <summary>One client in a batch and which letter it gets: <see cref="ContactStep.Invitation"/> or reminder n.</summary>
public sealed record LetterBatchItem(string ServiceId, ContactStep Letter);

/// <summary>A batch as the bureau sees it in a list.</summary>
public enum LetterBatchStatus { Open, Posted, Replaced }
