namespace Kto.Core.Reports;

/// <summary>The research bureau as the report names it.</summary>
public sealed record BureauInfo(string Name, string Membership);
