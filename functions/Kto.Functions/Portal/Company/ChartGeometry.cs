using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// What chart.liquid draws (ended services and responses per month): numbers only, the coordinates already as text
/// with at most one decimal, so the template stays plain markup.
/// </summary>
public sealed record ChartGeometry(int Width, int Height, int Left, int RightX, string Baseline, List<ChartGeometry.Tick> Ticks, List<ChartGeometry.MonthBars> Months)
{
    public sealed record Tick(string Y, string LabelY, int Value, int LabelX);

    public sealed record MonthBars(
        ShownDate Name,
        int Ended,
        int Responded,
        string EndedX,
        string EndedY,
        string EndedH,
        string RespondedX,
        string RespondedY,
        string RespondedH,
        string BarW,
        string LabelX,
        string LabelY);
}
