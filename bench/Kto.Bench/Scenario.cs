namespace Kto.Bench;

/// <summary>
/// One benchmark scenario. Each runs in its own child process (so its peak working set is its own) and returns
/// its figures; a figure is always a ratio against a baseline measured in the same run on the same machine.
/// Adding a scenario is one class implementing this, listed in <see cref="ScenarioCatalog.All"/>.
/// </summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>How long the scenario may run before it is stopped and reported as failed.</summary>
    TimeSpan Limit => TimeSpan.FromMinutes(6);

    Task<ScenarioResult> RunAsync(CancellationToken cancellationToken);
}

/// <param name="Figure">What was measured, with unit (e.g. "rows/s").</param>
/// <param name="Met">Null when the issue sets no target for this figure.</param>
public sealed record Figure(string Name, double Value, string Unit, string Baseline, double BaselineValue, double? Ratio,
    string Target, bool? Met);

public sealed record ScenarioResult(string Scenario, List<Figure> Figures, List<string> Notes)
{
    public long PeakWorkingSetBytes { get; set; }
    public long AllocatedBytes { get; set; }
    public long? AzuritePeakBytes { get; set; }
    public double Seconds { get; set; }
    public string? Error { get; set; }
}
