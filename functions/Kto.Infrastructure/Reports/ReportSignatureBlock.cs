using Kto.Infrastructure.Reports.Signing;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// The visible signature block of a signed report: a framed box at the bottom of the last page. The renderer draws
/// it (signer, bureau, time); the signer puts the signature field's widget exactly over it. One place for both.
/// </summary>
public static class ReportSignatureBlock
{
    public const double Height = 92;

    /// <summary>Top of the box, measured from the top of the page (the renderer's coordinates).</summary>
    public const double Top = PdfLayout.PageHeight - PdfLayout.Margin - 14 - Height - 6;

    public const double Left = PdfLayout.Margin;
    public const double Width = PdfLayout.PageWidth - 2 * PdfLayout.Margin;

    /// <summary>The same box in PDF user space (origin bottom left), for the widget's /Rect.</summary>
    public static PdfRect PdfRect { get; } = new(Left, PdfLayout.PageHeight - Top - Height, Left + Width, PdfLayout.PageHeight - Top);
}
