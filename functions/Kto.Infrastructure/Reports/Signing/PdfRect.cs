namespace Kto.Infrastructure.Reports.Signing;

/// <summary>A rectangle in PDF user space (points, origin at the bottom left of the page).</summary>
public sealed record PdfRect(double Left, double Bottom, double Right, double Top);
