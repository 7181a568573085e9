namespace Kto.Core.Statistics;

/// <summary>A proportion (e.g. the response rate) with its 95% Wilson interval; all null when there are no trials.</summary>
public sealed record ProportionInterval(int Successes, int Trials, double? Proportion, double? Lower, double? Upper);
