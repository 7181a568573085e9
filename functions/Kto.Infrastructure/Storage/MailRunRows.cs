using Kto.Core.Fieldwork;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the mailruns table: one partition, newest first. The row key starts with the inverted start
/// time (taken from the run id), so "the last N runs" is the first N rows and a run is still found by its id alone.
/// </summary>
public static class MailRunRows
{
    public const string Partition = "mail";
    public const string Id = "Id";
    public const string Job = "Job";
    public const string At = "At";
    public const string Trigger = "Trigger";
    public const string Status = "Status";
    public const string StartedAt = "StartedAt";
    public const string UpdatedAt = "UpdatedAt";
    public const string FinishedAt = "FinishedAt";
    public const string Sent = "Sent";
    public const string Deferred = "Deferred";
    public const string Bounced = "Bounced";
    public const string Unknown = "Unknown";
    public const string SkippedBusy = "SkippedBusy";
    public const string Errors = "Errors";
    public const string Stopped = "Stopped";
    public const string NextRunAt = "NextRunAt";
    public const string Error = "Error";

    /// <summary>Null when <paramref name="id"/> is not a run id (so no run has it).</summary>
    public static string? RowKey(string id) =>
        MailRunIds.TryReadStart(id, out var started) ? $"{DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks:D19}_{id}" : null;

    public static TableEntity Write(MailRun run) => new(Partition, RowKey(run.Id) ?? throw new ArgumentException("Not a run id.", nameof(run)))
    {
        [Id] = run.Id,
        [Job] = run.Job,
        [At] = run.At,
        [Trigger] = run.Trigger,
        [Status] = run.Status,
        [StartedAt] = run.StartedAt,
        [UpdatedAt] = run.UpdatedAt,
        [FinishedAt] = run.FinishedAt,
        [Sent] = run.Sent,
        [Deferred] = run.Deferred,
        [Bounced] = run.Bounced,
        [Unknown] = run.Unknown,
        [SkippedBusy] = run.SkippedBusy,
        [Errors] = run.Errors,
        [Stopped] = run.Stopped,
        [NextRunAt] = run.NextRunAt,
        [Error] = run.Error,
    };

    /// <summary>Counts a row does not have (written before that count existed) are zero.</summary>
    public static MailRun Read(TableEntity e) => new(
        e.GetString(Id), e.GetString(Job), e.GetDateTimeOffset(At) ?? default, e.GetString(Trigger), e.GetString(Status),
        e.GetDateTimeOffset(StartedAt) ?? default, e.GetDateTimeOffset(UpdatedAt) ?? default, e.GetDateTimeOffset(FinishedAt),
        e.GetInt32(Sent) ?? 0, e.GetInt32(Deferred) ?? 0, e.GetInt32(Bounced) ?? 0, e.GetInt32(Unknown) ?? 0,
        e.GetInt32(SkippedBusy) ?? 0, e.GetInt32(Errors) ?? 0, e.GetString(Stopped), e.GetDateTimeOffset(NextRunAt), e.GetString(Error));
}
