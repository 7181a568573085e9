namespace Kto.Core.Fieldwork;

/// <summary>
/// One run of a mail job as the bureau follows it and a portal lists it: counts only, never who.
/// </summary>
/// <param name="Id">Readable and unique: <c>{job}-{start, UTC}-{random}</c> (see <see cref="MailRunIds"/>).</param>
/// <param name="At">The moment the run acts as (the real time, or <c>?at=</c> outside production).</param>
/// <param name="Trigger"><c>http</c> (started by the bureau) or <c>timer</c> (the schedule).</param>
/// <param name="Status">One of <see cref="MailRunStatus"/>.</param>
/// <param name="Stopped">Why the run stopped (<see cref="MailJobResult.StopReasons"/>); null while it runs.</param>
/// <param name="NextRunAt">When a run stopped early: when the next scheduled run continues (UTC).</param>
/// <param name="Error">A run that failed as a whole: the kind of error (an exception type name).</param>
public sealed record MailRun(
    string Id,
    string Job,
    DateTimeOffset At,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt = null,
    int Sent = 0,
    int Deferred = 0,
    int Bounced = 0,
    int Unknown = 0,
    int SkippedBusy = 0,
    int Errors = 0,
    string? Stopped = null,
    DateTimeOffset? NextRunAt = null,
    string? Error = null)
{
    public bool HasFinished() => Status is MailRunStatus.Completed or MailRunStatus.Failed;

    /// <summary>The counts of a (partial) job result on this run.</summary>
    public MailRun With(MailJobResult result, string status, DateTimeOffset now) => this with
    {
        Status = status,
        UpdatedAt = now,
        Sent = result.Sent,
        Deferred = result.Deferred,
        Bounced = result.Bounced,
        Unknown = result.Unknown,
        SkippedBusy = result.SkippedBusy,
        Errors = result.Errors,
    };
}

public static class MailRunStatus
{
    /// <summary>Accepted over HTTP; the background run has not started yet.</summary>
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

public static class MailRunTriggers
{
    public const string Http = "http";
    public const string Timer = "timer";
}
