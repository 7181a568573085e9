using System.Text;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Fakes;

/// <summary>Appends the signer's name to the PDF bytes, so a test can see the stored PDF is the signed one.</summary>
public sealed class MarkingPdfSigner : IReportPdfSigner
{
    public Task<byte[]> SignAsync(byte[] pdf, ReportPdfSignature signature, CancellationToken cancellationToken) =>
        Task.FromResult(pdf.Concat(Encoding.UTF8.GetBytes($" signed by {signature.SignedBy}")).ToArray());
}
