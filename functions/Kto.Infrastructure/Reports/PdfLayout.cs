using SkiaSharp;

namespace Kto.Infrastructure.Reports;

/// <summary>A font of the report: DejaVu Sans at a size in points, with its line height and text measurement.</summary>
public sealed class PdfFont : IDisposable
{
    internal PdfFont(DejaVuFace face, double size)
    {
        Face = face;
        Font = NewFont(face.Typeface, size);
        Size = size;
        Height = Font.Spacing;
    }

    internal DejaVuFace Face { get; }

    /// <summary>Measures, on the whole font.</summary>
    internal SKFont Font { get; }

    /// <summary>Draws: the same font cut down to the document's characters (same advances), once the document is written.</summary>
    internal SKFont? Output { get; set; }

    internal static SKFont NewFont(SKTypeface typeface, double size) =>
        new(typeface, (float)size) { Subpixel = true, Edging = SKFontEdging.Antialias };
    public double Size { get; }

    /// <summary>The line height (ascent + descent + line gap) in points.</summary>
    public double Height { get; }

    public double Measure(string text) => text.Length == 0 ? 0 : Font.MeasureText(text);

    /// <summary>
    /// Texts already wrapped in this font, by text and width: a table wraps every cell to size its row, to plan its page
    /// breaks and again to draw it, and the appendix has hundreds of rows. Per font, so per document: no locking.
    /// </summary>
    internal Dictionary<(string Text, double Width), IReadOnlyList<string>> Wrapped { get; } = [];

    public void Dispose()
    {
        Font.Dispose();
        Output?.Dispose();
    }
}

/// <summary>The PDF's document information.</summary>
/// <param name="Created">Written as creation and modification date, so the same report renders to the same bytes.</param>
public sealed record PdfInfo(string Title, string Author, string Subject, DateTimeOffset Created);

/// <summary>
/// A small flowing layout on SkiaSharp's PDF backend: A4 pages, a cursor that moves down, wrapped paragraphs,
/// simple tables and bar charts (vectors and text, no pictures), and a new page when the next block does not fit. Pages are kept as lists of drawing steps
/// and written in <see cref="Finish"/>, which then knows the page count for the footers and every character used, so
/// it embeds DejaVu cut down to those (<see cref="FontSubsetter"/>). Text stays text, extractable with pdftotext.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    public const double Margin = 56; // 2 cm
    public const double PageWidth = 595; // A4 in points
    public const double PageHeight = 842;
    private const double Gap = 6;

    private readonly PdfInfo info;
    private readonly DejaVuFace regular;
    private readonly DejaVuFace bold;
    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly Dictionary<DejaVuFace, HashSet<int>> used = [];
    private List<Action<SKCanvas>>? page;

    public PdfLayout(PdfInfo info)
    {
        this.info = info;
        (regular, bold) = DejaVuFonts.Load();
        Body = new PdfFont(regular, 9.5);
        Small = new PdfFont(regular, 8);
        Bold = new PdfFont(bold, 9.5);
        SmallBold = new PdfFont(bold, 8);
        H1 = new PdfFont(bold, 17);
        H2 = new PdfFont(bold, 12.5);
        ChartText = new PdfFont(regular, 6.5);
    }

    public PdfFont Body { get; }
    public PdfFont Small { get; }
    public PdfFont Bold { get; }
    public PdfFont SmallBold { get; }
    public PdfFont H1 { get; }
    public PdfFont H2 { get; }

    /// <summary>A chart's tick labels and axis names.</summary>
    public PdfFont ChartText { get; }

    public static SKColor Accent { get; } = new(31, 78, 121);
    private static readonly SKColor HeaderFill = new(222, 232, 242);
    private static readonly SKColor RowLine = new(190, 190, 190);
    private static readonly SKColor FooterGray = new(128, 128, 128);
    private static readonly SKColor WatermarkRed = new(200, 30, 30, 40);
    private static readonly SKColor GridLine = new(225, 225, 225);
    private static readonly SKColor ChartFrame = new(128, 128, 128);

    public double Y { get; private set; }
    public double Width => PageWidth - 2 * Margin;
    public static double Bottom => PageHeight - Margin - 14; // room for the footer

    public void NewPage()
    {
        page = [];
        pages.Add(page);
        Y = Margin;
    }

    /// <summary>Adds a drawing step to the current page.</summary>
    public void Draw(Action<SKCanvas> step) => (page ?? throw new InvalidOperationException("No page yet.")).Add(step);

    public void EnsureSpace(double height)
    {
        if (page is null || Y + height > Bottom) NewPage();
    }

    public void Space(double height = Gap) => Y += height;

    /// <param name="keepWithNext">The height of what follows that must stay on the heading's page (a table's lead, <see cref="TableLead"/>).</param>
    public void Heading1(string text, double keepWithNext = 0)
    {
        EnsureSpace(Math.Max(60, H1.Height + 12 + keepWithNext));
        Text(text, H1, Accent, Margin, Y + H1.Height * 0.8);
        Y += H1.Height + 2;
        Line(Accent, 1, Margin, Y, Margin + Width, Y);
        Y += 10;
    }

    /// <inheritdoc cref="Heading1"/>
    public void Heading2(string text, double keepWithNext = 0)
    {
        EnsureSpace(Math.Max(50, H2.Height + 10 + keepWithNext));
        Y += 4;
        Text(text, H2, Accent, Margin, Y + H2.Height * 0.8);
        Y += H2.Height + 6;
    }

    /// <summary>A wrapped paragraph; returns nothing, moves the cursor below it.</summary>
    public void Paragraph(string text, PdfFont? font = null, double indent = 0)
    {
        font ??= Body;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            EnsureSpace(font.Height + 1);
            Text(line, font, SKColors.Black, Margin + indent, Y + font.Height * 0.8);
            Y += font.Height + 1;
        }
        Y += Gap;
    }

    /// <summary>A label in bold followed by its value on one wrapped line set.</summary>
    public void Field(string label, string value, double labelWidth = 160)
    {
        var lines = Wrap(value, Body, Width - labelWidth);
        EnsureSpace((Body.Height + 1) * lines.Count);
        Text(label, Bold, SKColors.Black, Margin, Y + Body.Height * 0.8);
        foreach (var line in lines)
        {
            Text(line, Body, SKColors.Black, Margin + labelWidth, Y + Body.Height * 0.8);
            Y += Body.Height + 1;
        }
        Y += 2;
    }

    /// <summary>Rows a table keeps together: at its start, and carried onto a new page at a break. No row stands alone.</summary>
    public const int KeepRows = 3;

    /// <summary>
    /// A table with a shaded header; columns get the given share of the width; cells wrap. The header repeats on every
    /// page the table reaches; the table starts on a new page when its header and first <see cref="KeepRows"/> rows do
    /// not fit (or, when it is short, when it does not fit whole but would on a page of its own), and a break never
    /// leaves fewer than <see cref="KeepRows"/> rows for the next page (<see cref="PlanBreaks"/>).
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> shares,
        IReadOnlyList<bool>? alignRight = null)
    {
        var widths = Widths(shares);
        var list = rows.ToList();
        var headerHeight = RowHeight(headers, widths, SmallBold);
        var heights = list.Select(r => RowHeight(r, widths, Small)).ToList();
        var breaks = PlanBreaks(page is null ? Bottom + 1 : Y, Margin, Bottom, headerHeight, heights);
        if (page is null || breaks.Contains(-1)) NewPage();
        DrawRow(headers, widths, SmallBold, HeaderFill, alignRight);
        for (var i = 0; i < list.Count; i++)
        {
            if (breaks.Contains(i))
            {
                NewPage();
                DrawRow(headers, widths, SmallBold, HeaderFill, alignRight);
            }
            DrawRow(list[i], widths, Small, null, alignRight);
        }
        Y += Gap + 2;
    }

    /// <summary>The height a table needs on the page it starts on: its header and first <see cref="KeepRows"/> rows.</summary>
    public double TableLead(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> shares)
    {
        var widths = Widths(shares);
        return RowHeight(headers, widths, SmallBold) + rows.Take(KeepRows).Sum(r => RowHeight(r, widths, Small));
    }

    /// <summary>
    /// Where a table's pages break: the row indexes that start a new page (with the header repeated), and -1 when the
    /// whole table starts on a new page. Pure, so the rule can be checked on its own.
    /// </summary>
    /// <param name="y">Where the table would start on the current page.</param>
    /// <param name="top">Where a new page's content starts; <paramref name="bottom"/>: where it ends.</param>
    public static IReadOnlySet<int> PlanBreaks(double y, double top, double bottom, double header, IReadOnlyList<double> heights, int keep = KeepRows)
    {
        var breaks = new SortedSet<int>();
        var n = heights.Count;
        var lead = header + heights.Take(keep).Sum();
        var whole = header + heights.Sum();
        // A short table that fits a page of its own moves whole; any table moves when its lead does not fit.
        if (y + lead > bottom || (y + whole > bottom && whole <= bottom - top && n <= 2 * keep))
        {
            breaks.Add(-1);
            y = top;
        }
        y += header;
        var pageStart = 0;
        for (var i = 0; i < n;)
        {
            if (y + heights[i] > bottom && i > pageStart)
            {
                // Carry at least `keep` rows over, taking them from this page (which keeps at least one).
                var at = Math.Max(pageStart + 1, Math.Min(i, n - keep));
                breaks.Add(at);
                y = top + header;
                pageStart = i = at;
                continue;
            }
            y += heights[i];
            i++;
        }
        return breaks;
    }

    private double[] Widths(IReadOnlyList<double> shares) => shares.Select(s => s / shares.Sum() * Width).ToArray();

    private const double CellPad = 3;

    private static double RowHeight(IReadOnlyList<string> cells, double[] widths, PdfFont font) =>
        cells.Select((c, i) => Wrap(c, font, widths[i] - 2 * CellPad).Count).Max() * (font.Height + 1) + 2 * CellPad;

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, PdfFont font, SKColor? fill, IReadOnlyList<bool>? alignRight)
    {
        const double pad = CellPad;
        var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 2 * pad)).ToList();
        var height = wrapped.Max(w => w.Count) * (font.Height + 1) + 2 * pad;
        if (fill is { } color)
        {
            var rect = SKRect.Create((float)Margin, (float)Y, (float)Width, (float)height);
            Draw(c =>
            {
                using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
                c.DrawRect(rect, paint);
            });
        }
        var x = Margin;
        for (var i = 0; i < wrapped.Count; i++)
        {
            var lineY = Y + pad;
            foreach (var line in wrapped[i])
            {
                var right = alignRight is not null && i < alignRight.Count && alignRight[i];
                var lineX = right ? x + widths[i] - pad - font.Measure(line) : x + pad;
                Text(line, font, SKColors.Black, lineX, lineY + font.Height * 0.8);
                lineY += font.Height + 1;
            }
            x += widths[i];
        }
        Y += height;
        Line(RowLine, 0.5, Margin, Y, Margin + Width, Y);
    }

    /// <summary>
    /// A bar chart in a box of <paramref name="width"/> × <paramref name="height"/> at <paramref name="x"/> from the
    /// left margin, its top at the cursor; the cursor stays. Title above, the value axis's name turned up the left,
    /// ticks with light grid lines, a framed plot, each bar's count above it, a label under each bar and the axis's name below.
    /// </summary>
    public void BarChart(BarChart chart, double width, double height, double x)
    {
        var left = Margin + x;
        var top = Y;
        var tickFont = ChartText;
        var title = Small;
        Text(chart.Title, title, SKColors.Black, left + (width - title.Measure(chart.Title)) / 2, top + title.Height * 0.8);

        var ticks = chart.Ticks;
        var tickLabels = ticks.Select(t => t.ToString(DutchFormat.Culture)).ToList();
        var plotLeft = left + tickFont.Height + 2 + tickLabels.Max(tickFont.Measure) + 3;
        var plotRight = left + width - 2;
        var plotTop = top + title.Height + 4;
        var plotBottom = top + height - 2 * tickFont.Height - 2;
        var plotHeight = plotBottom - plotTop;
        double At(double value) => plotBottom - value / chart.Top * plotHeight;
        var textRise = tickFont.Height * 0.3; // puts a label's middle on its line

        for (var i = 0; i < ticks.Count; i++)
        {
            var y = At(ticks[i]);
            if (ticks[i] > 0) Line(GridLine, 0.4, plotLeft, y, plotRight, y);
            Line(ChartFrame, 0.5, plotLeft - 2, y, plotLeft, y);
            Text(tickLabels[i], tickFont, SKColors.Black, plotLeft - 3 - tickFont.Measure(tickLabels[i]), y + textRise);
        }

        var slot = (plotRight - plotLeft) / Math.Max(1, chart.Values.Count);
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var middle = plotLeft + slot * (i + 0.5);
            if (chart.Values[i] > 0)
            {
                Rectangle(SKRect.Create((float)(middle - slot * 0.4), (float)At(chart.Values[i]), (float)(slot * 0.8), (float)(plotBottom - At(chart.Values[i]))),
                    Accent, SKPaintStyle.Fill, 0);
            }
            var label = i < chart.Labels.Count ? chart.Labels[i] : "";
            Text(label, tickFont, SKColors.Black, middle - tickFont.Measure(label) / 2, plotBottom + tickFont.Height);
        }

        // Each bar's count as text above it (inside its top, in white, where the bar leaves no room above), so a reader,
        // a screen reader or a copy of the text has the numbers, not only the bars' heights. Drawn after the labels so
        // the labels stay one line of text.
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var count = chart.Values[i].ToString("N0", DutchFormat.Culture);
            var middle = plotLeft + slot * (i + 0.5);
            var barTop = At(chart.Values[i]);
            var above = barTop - 2 >= plotTop + tickFont.Height;
            Text(count, tickFont, above ? SKColors.Black : SKColors.White, middle - tickFont.Measure(count) / 2,
                above ? barTop - 2 : barTop + tickFont.Height);
        }

        Rectangle(SKRect.Create((float)plotLeft, (float)plotTop, (float)(plotRight - plotLeft), (float)plotHeight), ChartFrame, SKPaintStyle.Stroke, 0.5f);
        Text(chart.XLabel, tickFont, SKColors.Black, plotLeft + (plotRight - plotLeft - tickFont.Measure(chart.XLabel)) / 2, plotBottom + 2 * tickFont.Height + 1);

        // The value axis's name reads upwards beside its ticks.
        var yLabel = chart.YLabel;
        var pivotX = left + tickFont.Height * 0.8;
        var pivotY = plotTop + (plotHeight + tickFont.Measure(yLabel)) / 2;
        Use(tickFont, yLabel);
        Draw(c =>
        {
            c.Save();
            c.RotateDegrees(-90, (float)pivotX, (float)pivotY);
            DrawText(c, yLabel, tickFont, SKColors.Black, pivotX, pivotY);
            c.Restore();
        });
    }

    public void Advance(double height) => Y += height;

    /// <summary>
    /// A framed box with a title and label/value lines at a fixed place (<paramref name="top"/> from the top of the
    /// page), on a new page when the cursor is already below it. Fixed, so another part (the signature widget) can
    /// lie exactly over it. The cursor ends below the box.
    /// </summary>
    public void BoxAtBottom(double top, double height, string title, IReadOnlyList<(string Label, string Value)> fields)
    {
        if (page is null || Y > top - Gap) NewPage();
        Rectangle(SKRect.Create((float)Margin, (float)top, (float)Width, (float)height), Accent, SKPaintStyle.Stroke, 1);
        const double pad = 8;
        var y = top + pad;
        Text(title, Bold, Accent, Margin + pad, y + Bold.Height * 0.8);
        y += Bold.Height + 3;
        foreach (var (label, value) in fields)
        {
            Text(label, Bold, SKColors.Black, Margin + pad, y + Body.Height * 0.8);
            Text(Wrap(value, Body, Width - 130 - 2 * pad)[0], Body, SKColors.Black, Margin + pad + 130, y + Body.Height * 0.8);
            y += Body.Height + 1;
        }
        Y = top + height;
    }

    /// <summary>Greedy word wrap; a word longer than the width (a hash, a URL) is cut. Worked out once per font, text and width.</summary>
    public static IReadOnlyList<string> Wrap(string text, PdfFont font, double width)
    {
        text ??= "";
        if (font.Wrapped.TryGetValue((text, width), out var known)) return known;
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.Measure(candidate) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && font.Measure(line) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && font.Measure(line[..cut]) > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        font.Wrapped[(text, width)] = lines;
        return lines;
    }

    /// <summary>
    /// Writes the PDF: every recorded page with page numbers, a running footer and (for drafts) a diagonal pale
    /// "CONCEPT" on top.
    /// </summary>
    public byte[] Finish(string footer, bool draft)
    {
        var created = info.Created.UtcDateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject,
            Creator = "KTO",
            Producer = "KTO (SkiaSharp PDF)",
            Creation = created,
            Modified = created,
            RasterDpi = 72,
        };
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata)
                              ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        {
            using var mark = new PdfFont(bold, 96);
            var numbers = Enumerable.Range(1, pages.Count).Select(i => $"Pagina {i} van {pages.Count}").ToList();
            Use(Small, footer + string.Concat(numbers));
            if (draft) Use(mark, "CONCEPT");
            var subsets = used.ToDictionary(u => u.Key, u => Subset(u.Key, u.Value));
            foreach (var font in new[] { Body, Small, Bold, SmallBold, H1, H2, ChartText, mark })
                {
                font.Output?.Dispose();
                font.Output = PdfFont.NewFont(subsets.GetValueOrDefault(font.Face) ?? font.Face.Typeface, font.Size);
            }
            for (var i = 0; i < pages.Count; i++)
            {
                var g = document.BeginPage((float)PageWidth, (float)PageHeight);
                foreach (var step in pages[i]) step(g);
                DrawText(g, footer, Small, FooterGray, Margin, PageHeight - Margin + 10);
                var number = numbers[i];
                DrawText(g, number, Small, FooterGray, PageWidth - Margin - Small.Measure(number), PageHeight - Margin + 10);
                if (draft)
                {
                    g.Save();
                    g.RotateDegrees(-50, (float)(PageWidth / 2), (float)(PageHeight / 2));
                    var capHeight = Math.Abs(mark.Font.Metrics.CapHeight); // centred on the page's middle
                    DrawText(g, "CONCEPT", mark, WatermarkRed, PageWidth / 2 - mark.Measure("CONCEPT") / 2, PageHeight / 2 + capHeight / 2);
                    g.Restore();
                }
                document.EndPage();
            }
            document.Close();
            foreach (var subset in subsets.Values) subset?.Dispose();
        }
        return stream.ToArray();
    }

    /// <summary>The face cut down to the characters used (plus the space), or null to embed it whole.</summary>
    private static SKTypeface? Subset(DejaVuFace face, HashSet<int> codepoints)
    {
        var bytes = FontSubsetter.Subset(face.Path, codepoints.Append(' '));
        if (bytes is null) return null;
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data);
    }

    private void Use(PdfFont font, string text)
    {
        if (!used.TryGetValue(font.Face, out var set)) used[font.Face] = set = [];
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) set.Add(char.ConvertToUtf32(text, i));
    }

    private void Text(string text, PdfFont font, SKColor color, double x, double baseline)
    {
        if (text.Length == 0) return;
        Use(font, text);
        Draw(c => DrawText(c, text, font, color, x, baseline));
    }

    private void Line(SKColor color, double width, double x1, double y1, double x2, double y2) =>
        Draw(c => DrawLine(c, color, width, x1, y1, x2, y2));

    /// <summary>A rectangle, filled or outlined (<paramref name="strokeWidth"/> for an outline).</summary>
    private void Rectangle(SKRect rect, SKColor color, SKPaintStyle style, float strokeWidth) =>
        Draw(c =>
        {
            using var paint = new SKPaint { Color = color, Style = style, StrokeWidth = strokeWidth, IsAntialias = true };
            c.DrawRect(rect, paint);
        });

    private static void DrawText(SKCanvas canvas, string text, PdfFont font, SKColor color, double x, double baseline)
    {
        if (text.Length == 0) return;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, (float)x, (float)baseline, SKTextAlign.Left, font.Output ?? font.Font, paint);
    }

    private static void DrawLine(SKCanvas canvas, SKColor color, double width, double x1, double y1, double x2, double y2)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = (float)width, IsAntialias = true };
        canvas.DrawLine((float)x1, (float)y1, (float)x2, (float)y2, paint);
    }

    public void Dispose()
    {
        pages.Clear();
        foreach (var font in new[] { Body, Small, Bold, SmallBold, H1, H2, ChartText }) font.Dispose();
    }
}
