namespace Kto.Core.Keurmerk;

/// <summary>File names, content types and the name in a route, in one place.</summary>
public static class KeurmerkFormats
{
    public static bool TryParse(string? extension, out KeurmerkFormat format)
    {
        (var ok, format) = extension?.ToLowerInvariant() switch
        {
            "pdf" => (true, KeurmerkFormat.Pdf),
            "xlsx" => (true, KeurmerkFormat.Xlsx),
            "json" => (true, KeurmerkFormat.Json),
            _ => (false, default),
        };
        return ok;
    }

    public static string FileName(KeurmerkFormat format) => "keurmerk." + format.ToString().ToLowerInvariant();

    public static string ContentType(KeurmerkFormat format) => format switch
    {
        KeurmerkFormat.Pdf => "application/pdf",
        KeurmerkFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json; charset=utf-8",
    };
}
