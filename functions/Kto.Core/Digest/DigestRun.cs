namespace Kto.Core.Digest;

/// <summary>What a digest or reminder run did; <see cref="NotDue"/>: the timer fired outside the schedule and sent nothing.</summary>
/// <param name="Period">The week ("2026-W49") or the late month ("2026-11").</param>
/// <param name="AlreadySent">Users whose mail of this period was claimed before (by this or another run).</param>
/// <param name="OptedOut">Users who switched the digest off.</param>
/// <param name="Failed">Mails the server did not take (or that failed): tried again by a later run.</param>
public sealed record DigestRun(string Job, DateTimeOffset At, string Period, int Sent, int AlreadySent, int OptedOut, int Failed, bool NotDue = false);
