using System.Text.Json;

namespace Kto.Core.Reports;

/// <summary>The report JSON contract, in the shape of every document (<see cref="KtoJson"/>).</summary>
public static class ReportJson
{
    public static string Serialize(AnnualReport report) => JsonSerializer.Serialize(report, KtoJson.Options);

    public static AnnualReport Deserialize(string json) =>
        JsonSerializer.Deserialize<AnnualReport>(json, KtoJson.Options) ?? throw new JsonException("Empty report.");
}
