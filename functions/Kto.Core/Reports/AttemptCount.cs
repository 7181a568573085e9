namespace Kto.Core.Reports;

/// <summary>How many services were approached this many times (invitation plus reminders): UWV asks "how often".</summary>
public sealed record AttemptCount(int Attempts, int Services);
