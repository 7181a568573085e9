using Kto.Core;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Bench.Support;

/// <summary>
/// The forecast's honesty check: for <paramref name="Years"/> generated years, the forecast made at the end of each month
/// (January to December, and on 15 January of the next year) against each perceel's final rate: mean absolute error and
/// how often the final rate fell inside the projected range. Perceel-years with fewer than 5 ended services are left out
/// (exemption), as are forecasts that had nothing to project.
/// </summary>
public static class ForecastBacktest
{
    public sealed record MonthScore(string Moment, int Forecasts, double MeanAbsoluteError, double Inside, double MeanWidth, double MeanError);

    public static IReadOnlyList<MonthScore> Run(int years, ForecastSettings? settings = null, int firstSeed = 1)
    {
        var forecaster = new ResponseForecaster(settings ?? new ForecastSettings(), new ReportSettings(), new FieldworkSettings());
        var moments = Enumerable.Range(1, 12)
            .Select(m => (Label: DutchTime.Culture.DateTimeFormat.GetAbbreviatedMonthName(m).TrimEnd('.'),
                At: new DateTimeOffset(new DateOnly(GeneratedYear.Year, m, 1).AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1)).AddMinutes(-1)))
            .Append((Label: "15 jan", At: new DateTimeOffset(GeneratedYear.Year + 1, 1, 15, 23, 0, 0, TimeSpan.FromHours(1))))
            .ToList();
        var errors = moments.ToDictionary(m => m.Label, _ => new List<(double Error, bool Inside, double Width, double Signed)>());
        for (var seed = firstSeed; seed < firstSeed + years; seed++)
        {
            var year = new GeneratedYear(seed);
            var final = year.Final();
            foreach (var (label, at) in moments)
            {
                foreach (var p in forecaster.Forecast(year.At(at)).Percelen)
                {
                    if (p.ProjectedResponseRate is not { } projected || !final.TryGetValue(p.Perceel, out var f) || f.Ended < 5) continue;
                    errors[label].Add((Math.Abs(projected - f.Rate), f.Rate >= p.ProjectedLow! - 1e-9 && f.Rate <= p.ProjectedHigh! + 1e-9,
                        p.ProjectedHigh!.Value - p.ProjectedLow!.Value, projected - f.Rate));
                }
            }
        }
        return moments.Select(m => errors[m.Label] is var e && e.Count > 0
                ? new MonthScore(m.Label, e.Count, e.Average(x => x.Error), e.Count(x => x.Inside) / (double)e.Count, e.Average(x => x.Width), e.Average(x => x.Signed))
                : new MonthScore(m.Label, 0, double.NaN, double.NaN, double.NaN, double.NaN))
            .ToList();
    }
}
