namespace Kto.Client;

/// <summary>Where a report's files are downloaded (GET /api/reports/{year}/{company}/report.{kind}): the one place for that link.</summary>
public static class ReportLinks
{
    public static readonly IReadOnlyList<string> Kinds = ["pdf", "xlsx", "json"];

    /// <summary>The path of a file of a report; <paramref name="version"/> "draft", a signed version number, or null for the latest signed one.</summary>
    public static string Path(int year, string company, string kind, string? version = "draft") =>
        $"/api/reports/{year}/{Uri.EscapeDataString(company)}/report.{kind}" + (version is null ? "" : $"?version={Uri.EscapeDataString(version)}");

    public static string Url(Uri baseUrl, int year, string company, string kind, string? version = "draft") =>
        baseUrl.GetLeftPart(UriPartial.Authority) + Path(year, company, kind, version);
}
