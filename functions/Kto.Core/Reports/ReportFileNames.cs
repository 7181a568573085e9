namespace Kto.Core.Reports;

/// <summary>The three files of a report version and their content types: the names in blob paths and download routes.</summary>
public static class ReportFileNames
{
    public const string Pdf = "report.pdf";
    public const string Xlsx = "report.xlsx";
    public const string Json = "report.json";

    public static IReadOnlyList<string> All { get; } = [Pdf, Xlsx, Json];

    public static string? ContentType(string file) => file switch
    {
        Pdf => "application/pdf",
        Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Json => "application/json; charset=utf-8",
        _ => null,
    };
}
