namespace Kto.Core.Reports;

/// <summary>
/// What the report needs of one ended service: no contact data, no klantnummer. <paramref name="RedenBeeindiging"/>
/// is the delivery's "reden beëindiging" / "resultaat" as delivered (null when the column was absent or empty).
/// </summary>
public sealed record ReportServiceRow(string ServiceId, Perceel Perceel, DateOnly Einddatum, string? RedenBeeindiging);
