namespace Kto.Core.Reports;

/// <summary>One rendering of a report: the PDF, the workbook and the JSON, always made together from one report.</summary>
public sealed record ReportFiles(byte[] Pdf, byte[] Xlsx, byte[] Json)
{
    public byte[] this[string file] => file switch
    {
        ReportFileNames.Pdf => Pdf,
        ReportFileNames.Xlsx => Xlsx,
        ReportFileNames.Json => Json,
        _ => throw new ArgumentOutOfRangeException(nameof(file)),
    };
}
