using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// A small flowing layout on PDFsharp (MigraDoc is not available here): A4 pages, a cursor that moves down,
/// wrapped paragraphs, simple tables and images, and a new page when the next block does not fit.
/// </summary>
public sealed class PdfLayout
{
    public const double Margin = 56; // 2 cm
    private const double Gap = 6;

    private readonly PdfDocument document;
    private XGraphics? graphics;

    public PdfLayout(PdfDocument document) => this.document = document;

    public XFont Body { get; } = new(DejaVuFontResolver.Family, 9.5);
    public XFont Small { get; } = new(DejaVuFontResolver.Family, 8);
    public XFont Bold { get; } = new(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Bold);
    public XFont SmallBold { get; } = new(DejaVuFontResolver.Family, 8, XFontStyleEx.Bold);
    public XFont H1 { get; } = new(DejaVuFontResolver.Family, 17, XFontStyleEx.Bold);
    public XFont H2 { get; } = new(DejaVuFontResolver.Family, 12.5, XFontStyleEx.Bold);

    public static XColor Accent { get; } = XColor.FromArgb(31, 78, 121);
    private static readonly XColor HeaderFill = XColor.FromArgb(222, 232, 242);
    private static readonly XColor RowLine = XColor.FromArgb(190, 190, 190);

    public double Y { get; private set; }
    public double Width => PageWidth - 2 * Margin;
    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("No page yet.");
    private double PageWidth => Page.Width.Point;
    private double Bottom => Page.Height.Point - Margin - 14; // room for the footer
    private PdfPage Page => document.Pages[^1];

    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    public void EnsureSpace(double height)
    {
        if (graphics is null || Y + height > Bottom) NewPage();
    }

    public void Space(double height = Gap) => Y += height;

    public void Heading1(string text)
    {
        EnsureSpace(60);
        Graphics.DrawString(text, H1, new XSolidBrush(Accent), Margin, Y + H1.Height * 0.8);
        Y += H1.Height + 2;
        Graphics.DrawLine(new XPen(Accent, 1), Margin, Y, Margin + Width, Y);
        Y += 10;
    }

    public void Heading2(string text)
    {
        EnsureSpace(50);
        Y += 4;
        Graphics.DrawString(text, H2, new XSolidBrush(Accent), Margin, Y + H2.Height * 0.8);
        Y += H2.Height + 6;
    }

    /// <summary>A wrapped paragraph; returns nothing, moves the cursor below it.</summary>
    public void Paragraph(string text, XFont? font = null, double indent = 0)
    {
        font ??= Body;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            EnsureSpace(font.Height + 1);
            Graphics.DrawString(line, font, XBrushes.Black, Margin + indent, Y + font.Height * 0.8);
            Y += font.Height + 1;
        }
        Y += Gap;
    }

    /// <summary>A label in bold followed by its value on one wrapped line set.</summary>
    public void Field(string label, string value, double labelWidth = 150)
    {
        var lines = Wrap(value, Body, Width - labelWidth);
        EnsureSpace((Body.Height + 1) * lines.Count);
        Graphics.DrawString(label, Bold, XBrushes.Black, Margin, Y + Body.Height * 0.8);
        foreach (var line in lines)
        {
            Graphics.DrawString(line, Body, XBrushes.Black, Margin + labelWidth, Y + Body.Height * 0.8);
            Y += Body.Height + 1;
        }
        Y += 2;
    }

    /// <summary>A table with a shaded header; columns get the given share of the width; cells wrap.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> shares,
        IReadOnlyList<bool>? alignRight = null)
    {
        var widths = shares.Select(s => s / shares.Sum() * Width).ToArray();
        DrawRow(headers, widths, SmallBold, HeaderFill, alignRight);
        foreach (var row in rows) DrawRow(row, widths, Small, null, alignRight, repeatHeader: headers);
        Y += Gap + 2;
    }

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, XColor? fill, IReadOnlyList<bool>? alignRight,
        IReadOnlyList<string>? repeatHeader = null)
    {
        const double pad = 3;
        var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 2 * pad)).ToList();
        var height = wrapped.Max(w => w.Count) * (font.Height + 1) + 2 * pad;
        if (graphics is null || Y + height > Bottom)
        {
            NewPage();
            if (repeatHeader is not null) DrawRow(repeatHeader, widths, SmallBold, HeaderFill, alignRight);
        }
        if (fill is { } color) Graphics.DrawRectangle(new XSolidBrush(color), Margin, Y, Width, height);
        var x = Margin;
        for (var i = 0; i < wrapped.Count; i++)
        {
            var lineY = Y + pad;
            foreach (var line in wrapped[i])
            {
                var right = alignRight is not null && i < alignRight.Count && alignRight[i];
                var lineX = right ? x + widths[i] - pad - Graphics.MeasureString(line, font).Width : x + pad;
                Graphics.DrawString(line, font, XBrushes.Black, lineX, lineY + font.Height * 0.8);
                lineY += font.Height + 1;
            }
            x += widths[i];
        }
        Y += height;
        Graphics.DrawLine(new XPen(RowLine, 0.5), Margin, Y, Margin + Width, Y);
    }

    public void Image(byte[] png, double width, double height, double x)
    {
        using var stream = new MemoryStream(png);
        using var image = XImage.FromStream(stream);
        Graphics.DrawImage(image, Margin + x, Y, width, height);
    }

    public void Advance(double height) => Y += height;

    /// <summary>Greedy word wrap; a word longer than the width (a hash, a URL) is cut.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var measure = graphics ?? XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var lines = new List<string>();
        foreach (var paragraph in (text ?? "").Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && measure.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && measure.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Page numbers, a running footer and (for drafts) a diagonal "CONCEPT" on every page.</summary>
    public void Finish(string footer, bool draft)
    {
        graphics?.Dispose();
        graphics = null;
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var h = page.Height.Point;
            var w = page.Width.Point;
            g.DrawString(footer, Small, XBrushes.Gray, Margin, h - Margin + 10);
            var number = $"Pagina {i + 1} van {document.PageCount}";
            g.DrawString(number, Small, XBrushes.Gray, w - Margin - g.MeasureString(number, Small).Width, h - Margin + 10);
            if (!draft) continue;
            var state = g.Save();
            g.RotateAtTransform(-50, new XPoint(w / 2, h / 2));
            var mark = new XFont(DejaVuFontResolver.Family, 96, XFontStyleEx.Bold);
            var size = g.MeasureString("CONCEPT", mark);
            g.DrawString("CONCEPT", mark, new XSolidBrush(XColor.FromArgb(40, 200, 30, 30)), w / 2 - size.Width / 2, h / 2 + size.Height / 3);
            g.Restore(state);
        }
    }
}
