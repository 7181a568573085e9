using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>letters.liquid: a company's letter batches, the one being made (with its progress), and what just happened.</summary>
public sealed record LettersPage(
    CompanyHeading Company,
    int Year,
    LettersPage.Batch? Made,
    string? Replaced,
    LettersPage.Progress? Making,
    string? Failed,
    string? Posted,
    bool AlreadyPosted,
    bool NothingDue,
    PageText? Error,
    string ShortPage,
    LettersPage.Batch? OpenBatch,
    LettersPage.Batch? Confirm,
    List<LettersPage.ListedBatch> Batches)
{
    public sealed record Batch(string Id, int Count, int First, int Reminder);

    /// <summary>The counts as text ("1.234") and as numbers (for the progress bar).</summary>
    public sealed record Progress(string Id, ShownNumber Done, ShownNumber? Total, int DoneN, int? TotalN);

    public sealed record ListedBatch(string Id, ShownDate Created, string CreatedBy, int First, int Reminder, bool Open, bool Posted, PageText Status);
}
