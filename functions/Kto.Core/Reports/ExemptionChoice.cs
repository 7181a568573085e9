namespace Kto.Core.Reports;

/// <summary>A perceel whose exemption letter can be made: fewer ended services in the year than the threshold.</summary>
public sealed record ExemptionChoice(Perceel Perceel, int Ended);
