namespace Kto.Core.Progress;

/// <summary>Services of one company that ended in one month of the year, and how many of them responded.</summary>
public sealed record MonthProgress(int Month, int Ended, int Responded);
