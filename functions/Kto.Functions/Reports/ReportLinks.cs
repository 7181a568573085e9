using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>Download links of a report version (relative to the app), as the status and sign routes give them and ./kto report prints them.</summary>
public static class ReportLinks
{
    public static string Status(int year, string company) => $"/api/reports/{year}/{Uri.EscapeDataString(company)}";

    /// <param name="version">A version number, or null for the draft.</param>
    public static IReadOnlyDictionary<string, string> Files(int year, string company, int? version) =>
        new Dictionary<string, string>
        {
            ["pdf"] = File(year, company, ReportFileNames.Pdf, version),
            ["xlsx"] = File(year, company, ReportFileNames.Xlsx, version),
            ["json"] = File(year, company, ReportFileNames.Json, version),
        };

    private static string File(int year, string company, string file, int? version) =>
        $"{Status(year, company)}/{file}?version={(version is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "draft")}";
}
