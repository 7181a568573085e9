namespace Kto.Infrastructure.Reports;

/// <summary>
/// A bar chart of counts as the PDF draws it (<see cref="PdfLayout.BarChart"/>): one bar per label, a title and the
/// axes' names. Drawn as vectors and text in the page rather than as a picture, so it stays sharp at any zoom, its
/// words can be found and read aloud, and a report costs no image encoding.
/// </summary>
public sealed record BarChart(string Title, string XLabel, string YLabel, IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    /// <summary>Room above the highest bar, as a share of it.</summary>
    public const double Headroom = 0.15;

    /// <summary>The top of the value axis: the highest count (at least 1) with <see cref="Headroom"/> above it.</summary>
    public double Top => Math.Max(1, Values.DefaultIfEmpty(0).Max()) * (1 + Headroom);

    /// <summary>
    /// The value axis's ticks from 0 up to <see cref="Top"/>: whole numbers (counts) a round step apart (1, 2 or 5
    /// times a power of ten), the smallest such step that gives at most nine ticks.
    /// </summary>
    public IReadOnlyList<int> Ticks
    {
        get
        {
            var rough = Top / 8;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
            var whole = Math.Max(1, (int)Math.Round(step));
            return Enumerable.Range(0, (int)(Top / whole) + 1).Select(i => i * whole).ToList();
        }
    }
}
