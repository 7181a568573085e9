using System.Diagnostics;
using Kto.Bench.Support;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 8 (issue 24): the response forecast's backtest on <see cref="Years"/> generated years (<see cref="GeneratedYear"/>):
/// per month the mean absolute error of the projected rate against the final one and how often the final rate fell inside
/// the range. The aim: inside ≥ 80 % from month 6 on. No Azurite: the model is pure, so a change to it shows here at once.
/// </summary>
public sealed class ForecastScenario : IScenario
{
    public const int Years = 400;

    /// <summary>A second set of years, never looked at while the model was changed: the check that it was not fitted to the first.</summary>
    public const int ValidationFirstSeed = 100_001;

    public string Name => "forecast";

    public Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var figures = new List<Figure>();
        var notes = new List<string>();
        foreach (var (label, first) in new[] { ("backtest", 1), ("validation", ValidationFirstSeed) })
        {
            var scores = ForecastBacktest.Run(Years, firstSeed: first);
            notes.Add($"{label}: {Years} generated company years (seeds {first:N0}–{first + Years - 1:N0}), 1–4 percelen each; forecasts at the end of every month and on 15 January, against each perceel's final rate (perceel-years with at least 5 ended).");
            notes.Add("| moment | forecasts | mean abs. error (points) | final inside range | mean range width (points) | mean error (points, + = too high) |");
            notes.Add("|---|---|---|---|---|---|");
            for (var i = 0; i < scores.Count; i++)
            {
                var s = scores[i];
                if (s.Forecasts == 0) { notes.Add($"| {s.Moment} | 0 | — | — | — | — |"); continue; }
                notes.Add($"| {s.Moment} | {s.Forecasts} | {s.MeanAbsoluteError * 100:F1} | {s.Inside * 100:F0} % | {s.MeanWidth * 100:F1} | {Math.Round(s.MeanError * 100, 1):+0.0;-0.0;0.0} |");
                // Month 6 on (June's end and later) has the aim.
                var aimed = i >= 5;
                figures.Add(new Figure($"{label}: inside range, end of {s.Moment}", Math.Round(s.Inside * 100, 1), "%", "the issue's aim", 80,
                    aimed ? Math.Round(s.Inside / 0.8, 2) : null, aimed ? "≥ 80 %" : "", aimed ? s.Inside >= 0.8 : null));
            }
        }
        notes.Add($"Backtest took {clock.Elapsed.TotalSeconds:F1} s.");
        return Task.FromResult(new ScenarioResult(Name, figures, notes));
    }
}
