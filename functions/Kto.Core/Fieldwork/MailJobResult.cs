namespace Kto.Core.Fieldwork;

/// <summary>What one run of a mail job did; the counts only, never who.</summary>
public sealed record MailJobResult(
    string Job,
    DateTimeOffset At,
    int Sent,
    int Deferred,
    int Bounced,
    int Unknown,
    int SkippedBusy,
    string Stopped)
{
    public static class StopReasons
    {
        public const string Done = "done";
        public const string QuietTime = "quiet-time";
        public const string Throttled = "throttled";
        public const string TimeLimit = "time-limit";
    }
}
