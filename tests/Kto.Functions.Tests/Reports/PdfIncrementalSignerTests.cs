using Kto.Core.Reports;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Reports.Signing;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The incremental signer on PDFs from the report's own layout (SkiaSharp), without the stack: long documents
/// (a nested page tree), a page that already has annotations, a file that is already signed. pdfsig is the judge.
/// </summary>
public sealed class PdfIncrementalSignerTests
{
    private static readonly DateTimeOffset SignedAt = new(2027, 2, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly SigningCertificate Certificate = EphemeralSigningCertificateSource.Create("Bureau Proef", DateTimeOffset.UtcNow);
    private static readonly IReportPdfSigner Signer = new CmsReportPdfSigner(new FixedSource(Certificate));

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(70)] // SkiaSharp nests the page tree for long documents; the widget must still land on the last page
    public async Task A_rendered_pdf_is_signed_in_place_on_its_last_page_and_pdfsig_validates_it(int pages)
    {
        var rendered = Layout(pages);

        var signed = await Signer.SignAsync(rendered, new ReportPdfSignature("Ir. K. Öztürk", "Bureau Proef", SignedAt, "Test"), CancellationToken.None);

        Assert.Equal(rendered, signed[..rendered.Length]);
        var report = Pdfsig.Check(signed);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Signer Certificate Common Name: Bureau Proef", report);
        Assert.Contains("Signing Time: Feb 10 2027 09:30:00", report);
        Assert.Contains("Total document signed", report);

        var document = PdfObjects.Read(signed);
        var page = document.Dictionary(document.LastPage());
        var widget = document.Dictionary(int.Parse(PdfObjects.Value(page, "Annots")!.Trim('[', ']').Split(' ')[0]));
        Assert.Equal("/Sig", PdfObjects.Value(widget, "FT"));
        Assert.Equal("/Widget", PdfObjects.Value(widget, "Subtype"));
        var rect = ReportSignatureBlock.PdfRect;
        Assert.Equal($"[{rect.Left:0.##} {rect.Bottom:0.##} {rect.Right:0.##} {rect.Top:0.##}]".Replace(',', '.'), PdfObjects.Value(widget, "Rect"));
        Assert.Equal($"{pages}", PdfText(signed, "Pagina {0} van {1}", pages));
    }

    [Fact]
    public async Task A_link_on_the_last_page_stays_beside_the_widget_and_a_signed_file_is_not_signed_again()
    {
        var rendered = Layout(2, link: "https://kto.example.nl/api/verify/");
        Assert.Contains("/Annots", System.Text.Encoding.Latin1.GetString(rendered));

        var signed = await Signer.SignAsync(rendered, new ReportPdfSignature("A", "B", SignedAt, "first"), CancellationToken.None);

        var document = PdfObjects.Read(signed);
        var annots = PdfObjects.Value(document.Dictionary(document.LastPage()), "Annots")!;
        Assert.Equal(2, annots.Split(" R").Length - 1); // the link and the signature widget
        Assert.Contains("Signature Validation: Signature is Valid.", Pdfsig.Check(signed));

        // A form is already there: refused rather than a second, partial signature.
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            Signer.SignAsync(signed, new ReportPdfSignature("C", "B", SignedAt, "second"), CancellationToken.None));
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused_before_anything_is_signed()
    {
        var signed = false;
        Assert.Throws<FormatException>(() => PdfIncrementalSigner.Sign("not a pdf at all"u8.ToArray(),
            new SignatureField("x", new PdfRect(0, 0, 1, 1), "a", "b", SignedAt), _ => { signed = true; return []; }));
        Assert.False(signed);
    }

    private static byte[] Layout(int pages, string? link = null)
    {
        using var layout = new PdfLayout(new PdfInfo("Proef", "Bureau Proef", "Test", SignedAt));
        for (var i = 1; i <= pages; i++)
        {
            layout.NewPage();
            layout.Paragraph($"Pagina-inhoud {i}");
        }
        if (link is not null) layout.Draw(c => c.DrawUrlAnnotation(SkiaSharp.SKRect.Create(56, 100, 200, 20), link));
        return layout.Finish("Proef", draft: false);
    }

    /// <summary>How many pages pdftotext sees, read from the footer of the last page.</summary>
    private static string PdfText(byte[] pdf, string footer, int pages) =>
        ReportStack.PdfText(pdf).Contains(string.Format(footer, pages, pages)) ? pages.ToString() : "footer not found";

    private sealed class FixedSource(SigningCertificate certificate) : ISigningCertificateSource
    {
        public Task<SigningCertificate> GetAsync(CancellationToken cancellationToken) => Task.FromResult(certificate);
    }
}
