namespace Kto.Core.Reports;

/// <summary>A signed version as its report kind renders it: the files (PDF not yet signed), what the PDF's signature says, and the status to record.</summary>
/// <param name="Status">The UWV checklist's status, or the Keurmerk norms': passed, pending or failed.</param>
public sealed record SignedRendering(ReportFiles Files, ReportPdfSignature PdfSignature, string CompanyName, string Status);
