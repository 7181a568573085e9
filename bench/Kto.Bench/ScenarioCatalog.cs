using Kto.Bench.Scenarios;

namespace Kto.Bench;

public static class ScenarioCatalog
{
    /// <summary>In the order of the issue; the runner and the results table follow this list.</summary>
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new ParseScenario(),
        new IngestScenario(),
        new SurveyScenario(),
        new ReportScenario(),
        new MailScenario(),
        new LettersScenario(),
        new PortalScenario(),
        new ForecastScenario(),
        new BackupScenario(),
    ];

    public static IScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
