namespace Kto.Core.Fieldwork;

/// <summary>What one run of a mail job did; the counts only, never who.</summary>
/// <param name="Errors">Clients whose handling threw (each is deferred when the deferral could be recorded).</param>
public sealed record MailJobResult(
    string Job,
    DateTimeOffset At,
    int Sent,
    int Deferred,
    int Bounced,
    int Unknown,
    int SkippedBusy,
    string Stopped,
    int Errors = 0)
{
    public static class StopReasons
    {
        public const string Done = "done";
        public const string QuietTime = "quiet-time";
        public const string Throttled = "throttled";
        public const string TimeLimit = "time-limit";
        /// <summary>The mail server could not be reached (at the start, or several times in a row): nothing more was claimed.</summary>
        public const string MailServerUnavailable = "mail-server-unavailable";
    }
}
