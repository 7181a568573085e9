using System.Diagnostics;
using System.Text;
using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The report's bar charts, drawn as vectors and text in the PDF: the bars' heights follow the counts, every label is
/// text a reader (or a screen reader) finds, no picture is embedded, and the value axis has whole, round ticks.
/// Read back with poppler (pdftoppm, pdfimages, pdftotext).
/// </summary>
public sealed class ReportChartTests
{
    // The bars' fill: the report's accent colour (PdfLayout.Accent).
    private static readonly (int R, int G, int B) Accent = (PdfLayout.Accent.Red, PdfLayout.Accent.Green, PdfLayout.Accent.Blue);

    [Fact]
    public void A_bars_height_is_its_count_on_the_value_axis()
    {
        using var layout = new PdfLayout(new PdfInfo("t", "a", "s", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        layout.NewPage();
        layout.BarChart(new BarChart("Titel", "X", "Aantal", ["a", "b", "c", "d"], [10, 20, 0, 40]), 236, 154, 0);
        var bars = BarHeights(Rasterize(layout.Finish("voet", draft: false), dpi: 144));

        // Three bars (a zero draws none), left to right, in the counts' proportions 1 : 2 : 4 (±2 pixels of anti-aliasing).
        Assert.Equal(3, bars.Count);
        Assert.InRange(bars[1] - 2 * bars[0], -2, 2);
        Assert.InRange(bars[2] - 4 * bars[0], -3, 3);
        Assert.True(bars[0] > 20, $"the lowest bar is {bars[0]} pixels high: too small to compare");
    }

    /// <summary>Each bar's count stands above it as text: left to right in the bars' order, higher for a higher count.</summary>
    [Fact]
    public void Each_bar_says_its_count_in_text_above_it()
    {
        using var layout = new PdfLayout(new PdfInfo("t", "a", "s", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        layout.NewPage();
        layout.BarChart(new BarChart("Titel", "X", "Aantal", ["a", "b", "c", "d"], [7, 13, 0, 1_234]), 236, 154, 0);
        var pdf = layout.Finish("voet", draft: false);

        var words = System.Text.RegularExpressions.Regex.Matches(Run("pdftotext", pdf, "-bbox", "-f", "1", "-l", "1", "{0}", "-"),
                "<word xMin=\"([\\d.]+)\" yMin=\"[\\d.]+\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>")
            .Select(m => (Text: m.Groups[4].Value, X: (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) / 2,
                Bottom: double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var label = (string text) => words.Single(w => w.Text == text);
        var counts = new[] { "7", "13", "1.234" }.Select(label).ToList();

        // Over its own bar: the count's middle is its label's middle.
        foreach (var (count, under) in counts.Zip(new[] { "a", "b", "d" }))
            Assert.InRange(count.X - label(under).X, -1.5, 1.5);
        Assert.True(counts[0].Bottom > counts[1].Bottom && counts[1].Bottom > counts[2].Bottom, "a higher count stands higher");
        // The empty bar says 0 too (besides the axis's own 0).
        Assert.Contains(words, w => w.Text == "0" && Math.Abs(w.X - label("c").X) < 1.5);
    }

    [Fact]
    public void The_reports_charts_are_text_and_vectors_not_pictures()
    {
        var questionnaire = new QuestionnaireCatalog(new QuestionnaireSettings()).Current;
        var figures = new PerceelFigures(Perceel.NaarWerk, 90, 90, new ContactAttempts(150, 3, 2), [new AttemptCount(1, 90)],
            40, Enumerable.Range(0, 40).Select(i => 1 + i % 10).ToList(),
            questionnaire.Questions.Select(q => new QuestionResult(q.Id, q.Mandatory, 40, q.IsNumeric ? 4.1 : null)).ToList(),
            null, null, [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 2]);
        var report = new AnnualReportBuilder(new ReportSettings(), new BureauInfo("Onderzoek BV", "MOA")).Build(
            new AnnualReportInput("c", "Grafiek BV", 2026, new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.FromHours(1)), questionnaire, [figures]));
        var pdf = new ReportPdfRenderer().Render(report, questionnaire, "https://kto.example/api/verify/", null);

        Assert.Empty(ImageList(pdf));
        var page = Run("pdftotext", pdf, "-enc", "UTF-8", "-raw", "{0}", "-").Split('\f').Single(p => p.Contains("Verdeling rapportcijfers"));
        Assert.Contains("Respons per maand van beëindiging", page);
        Assert.Contains("jan feb mrt apr mei jun jul aug sep okt nov dec", page);
        Assert.Contains("1 2 3 4 5 6 7 8 9 10", page);
        Assert.Contains("Rapportcijfer", page);
        Assert.Contains("Maand", page);
        Assert.Contains("Aantal", page);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(44)]
    [InlineData(99)]
    [InlineData(870)]
    [InlineData(12_345)]
    public void The_value_axis_has_whole_round_ticks_from_zero_to_above_the_highest_bar(double highest)
    {
        var chart = new BarChart("t", "x", "y", ["a", "b"], [highest / 2, highest]);
        var ticks = chart.Ticks;
        var step = ticks[1] - ticks[0];

        Assert.Equal(0, ticks[0]);
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second - pair.First));
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(step / magnitude, new[] { 1, 2, 5 });
        Assert.Equal(0, step % magnitude);
        Assert.InRange(ticks.Count, 2, 9);
        // The last tick is on the axis, and no room for another one is left above it.
        Assert.True(ticks[^1] <= chart.Top && chart.Top < ticks[^1] + step, $"ticks {string.Join(", ", ticks)} on an axis up to {chart.Top}");
        Assert.True(chart.Top > highest, "the highest bar reaches above the axis");
    }

    /// <summary>Per bar (a run of columns with the bars' colour), left to right: its height in pixels.</summary>
    private static List<int> BarHeights((int Width, int Height, byte[] Rgb) image)
    {
        var heights = new List<int>();
        var current = 0;
        for (var x = 0; x < image.Width; x++)
        {
            var column = 0;
            for (var y = 0; y < image.Height; y++)
            {
                var i = (y * image.Width + x) * 3;
                if (Math.Abs(image.Rgb[i] - Accent.R) < 8 && Math.Abs(image.Rgb[i + 1] - Accent.G) < 8 && Math.Abs(image.Rgb[i + 2] - Accent.B) < 8) column++;
            }
            if (column > 0) current = Math.Max(current, column);
            else if (current > 0) { heights.Add(current); current = 0; }
        }
        if (current > 0) heights.Add(current);
        return heights;
    }

    /// <summary>The first page as RGB pixels (pdftoppm's binary PPM).</summary>
    private static (int Width, int Height, byte[] Rgb) Rasterize(byte[] pdf, int dpi)
    {
        var ppm = RunBytes("pdftoppm", pdf, "-r", dpi.ToString(), "-f", "1", "-l", "1", "{0}");
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)ppm[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)ppm[at])) at++;
            return Encoding.ASCII.GetString(ppm, start, at - start);
        }
        Assert.Equal("P6", Token());
        var width = int.Parse(Token());
        var height = int.Parse(Token());
        Assert.Equal("255", Token());
        at++; // the one whitespace byte before the pixels
        return (width, height, ppm[at..(at + width * height * 3)]);
    }

    /// <summary>pdfimages -list's rows (after its two header lines): one per embedded picture.</summary>
    private static List<string> ImageList(byte[] pdf) =>
        Run("pdfimages", pdf, "-list", "{0}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

    private static string Run(string tool, byte[] pdf, params string[] arguments) => Encoding.UTF8.GetString(RunBytes(tool, pdf, arguments));

    /// <summary>Runs a poppler tool on the PDF ({0} in the arguments: its path) and returns what it wrote to standard output.</summary>
    private static byte[] RunBytes(string tool, byte[] pdf, params string[] arguments)
    {
        var path = TestTemp.File($"kto-chart-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument.Replace("{0}", path));
            using var process = Process.Start(start)!;
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output.ToArray();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
