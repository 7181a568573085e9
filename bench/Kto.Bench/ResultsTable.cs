using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Kto.Bench;

/// <summary>The markdown written to bench/results/: machine, date, commit, one row per figure, then the notes.</summary>
public static class ResultsTable
{
    public static string Render(IReadOnlyList<(IScenario Scenario, ScenarioResult? Result)> results, DateTimeOffset started, string commit, TimeSpan took)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmarks {started:yyyy-MM-dd} ({commit})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {TotalMemoryGiB():F1} GiB RAM, {RuntimeInformation.OSDescription}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {RuntimeInformation.FrameworkDescription}, Release build");
        md.AppendLine(CultureInfo.InvariantCulture, $"- date: {started:yyyy-MM-dd HH:mm} UTC; commit: {commit}; the whole run took {took.TotalMinutes:F1} min");
        md.AppendLine("- each figure is a ratio against a baseline measured in the same run on the same machine; each scenario ran in its own process");
        md.AppendLine("- peak memory: the scenario process's peak working set (`Process.PeakWorkingSet64`, includes the benchmark's own servers in process, e.g. the SMTP server); Azurite (a separate node process) in brackets");
        md.AppendLine();
        md.AppendLine("| scenario | figure | baseline | ratio | target | met? | peak memory |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (scenario, result) in results)
        {
            if (result is null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {scenario.Name} | not run this time | | | | | |");
                continue;
            }
            if (result.Error is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {scenario.Name} | failed: {result.Error.Replace("|", "/")} | | | | no | {Memory(result)} |");
                continue;
            }
            foreach (var f in result.Figures)
            {
                var met = f.Met switch { true => "yes", false => "**no**", null => "—" };
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {scenario.Name} | {f.Name}: {Number(f.Value)} {f.Unit} | {f.Baseline}: {Number(f.BaselineValue)} | {(f.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "—")} | {f.Target} | {met} | {Memory(result)} |");
            }
        }
        md.AppendLine();
        md.AppendLine("## Notes");
        foreach (var (scenario, result) in results)
        {
            if (result is null) continue;
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**{scenario.Name}** ({result.Seconds:F0} s; {result.AllocatedBytes / 1e9:F2} GB allocated in the scenario process)");
            md.AppendLine();
            foreach (var note in result.Notes) md.AppendLine("- " + note);
        }
        return md.ToString();
    }

    private static string Number(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Memory(ScenarioResult result) =>
        $"{result.PeakWorkingSetBytes / (1024.0 * 1024):F0} MB" +
        (result.AzuritePeakBytes is { } azurite ? $" (Azurite {azurite / (1024.0 * 1024):F0} MB)" : "");

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }

    private static double TotalMemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / (1024.0 * 1024);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        }
    }
}
