namespace Kto.Core.Keurmerk;

/// <summary>One norm: the value, the threshold (a setting), and met / not met (null: no figures to judge).</summary>
public sealed record KeurmerkNorm(string Id, string Name, double? Value, double Threshold, bool? Met);
