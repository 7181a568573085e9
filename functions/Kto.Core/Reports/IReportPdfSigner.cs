namespace Kto.Core.Reports;

/// <summary>
/// Puts the bureau's digital signature into a rendered report PDF (port; the adapter holds the certificate).
/// The result is the file that is stored, hashed and handed to UWV.
/// </summary>
public interface IReportPdfSigner
{
    /// <returns>The signed PDF: the rendered bytes unchanged, followed by the signature as an incremental update.</returns>
    Task<byte[]> SignAsync(byte[] pdf, ReportPdfSignature signature, CancellationToken cancellationToken);
}
