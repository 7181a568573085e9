using System.Diagnostics;
using System.Text.Json;
using Kto.Bench;
using Kto.Bench.Support;

// ./kto bench runs `Kto.Bench run`: every scenario in a child process of its own (`Kto.Bench scenario NAME FILE`),
// so each scenario's peak working set is its own; then the markdown table in bench/results/.
var json = new JsonSerializerOptions { WriteIndented = true };
switch (args.FirstOrDefault())
{
    case "scenario" when args.Length == 3:
        return await RunScenarioAsync(args[1], args[2]);
    case "run" or null:
        return await RunAllAsync(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine("usage: Kto.Bench [run [--only a,b] [--results DIR]] | scenario NAME RESULT.json");
        return 2;
}

async Task<int> RunScenarioAsync(string name, string resultFile)
{
    var scenario = ScenarioCatalog.Find(name);
    if (scenario is null) { Console.Error.WriteLine($"no scenario {name}"); return 2; }
    var clock = Stopwatch.StartNew();
    ScenarioResult result;
    try
    {
        using var timeout = new CancellationTokenSource(scenario.Limit);
        result = await scenario.RunAsync(timeout.Token);
    }
    catch (Exception e)
    {
        Console.Error.WriteLine(e);
        result = new ScenarioResult(name, [], []) { Error = e.GetType().Name + ": " + e.Message };
    }
    result.Seconds = clock.Elapsed.TotalSeconds;
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    result.PeakWorkingSetBytes = self.PeakWorkingSet64;
    result.AllocatedBytes = GC.GetTotalAllocatedBytes();
    result.AzuritePeakBytes = (scenario as AzuriteScenario)?.AzuritePeak;
    await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, json));
    return result.Error is null ? 0 : 1;
}

async Task<int> RunAllAsync(string[] options)
{
    string? only = null;
    var resultsDir = Path.Combine(RepoPaths.Root, "bench", "results");
    for (var i = 0; i < options.Length; i++)
    {
        if (options[i] == "--only" && i + 1 < options.Length) only = options[++i];
        else if (options[i] == "--results" && i + 1 < options.Length) resultsDir = options[++i];
        else
        {
            // Anything else (--help, a typo) is not a reason to start a quarter of an hour of benchmarks.
            Console.Error.WriteLine($"usage: ./kto bench [--only {string.Join(',', ScenarioCatalog.All.Select(s => s.Name))}] [--results DIR]");
            return options[i] is "--help" or "-h" ? 0 : 2;
        }
    }
    var selected = only?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
    if (selected?.Where(name => ScenarioCatalog.Find(name) is null).ToList() is { Count: > 0 } unknown)
    {
        Console.Error.WriteLine($"no scenario {string.Join(", ", unknown)}; there are {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}");
        return 2;
    }
    var started = DateTimeOffset.UtcNow;
    var clock = Stopwatch.StartNew();
    var results = new List<(IScenario Scenario, ScenarioResult? Result)>();
    foreach (var scenario in ScenarioCatalog.All)
    {
        if (selected is not null && !selected.Contains(scenario.Name))
        {
            results.Add((scenario, null));
            continue;
        }
        Console.WriteLine($"== {scenario.Name}");
        var file = Path.Combine(Path.GetTempPath(), $"kto-bench-{scenario.Name}-{Environment.ProcessId}.json");
        var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!)
        {
            ArgumentList = { typeof(ScenarioCatalog).Assembly.Location, "scenario", scenario.Name, file },
            UseShellExecute = false,
        })!;
        using (var limit = new CancellationTokenSource(scenario.Limit + TimeSpan.FromMinutes(1)))
        {
            try { await child.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException) { child.Kill(entireProcessTree: true); await child.WaitForExitAsync(); }
        }
        ScenarioResult? result = File.Exists(file)
            ? JsonSerializer.Deserialize<ScenarioResult>(await File.ReadAllTextAsync(file))
            : new ScenarioResult(scenario.Name, [], []) { Error = $"the scenario's process ended ({child.ExitCode}) without a result" };
        File.Delete(file);
        results.Add((scenario, result));
        Console.WriteLine($"== {scenario.Name}: {(result?.Error ?? "done")} in {result?.Seconds:F0} s");
    }

    var commit = Git("rev-parse", "--short", "HEAD") ?? "unknown";
    var dirty = !string.IsNullOrWhiteSpace(Git("status", "--porcelain", "--untracked-files=no"));
    var markdown = ResultsTable.Render(results, started, commit + (dirty ? " (with uncommitted changes)" : ""), clock.Elapsed);
    Directory.CreateDirectory(resultsDir);
    var path = Path.Combine(resultsDir, $"{started:yyyy-MM-dd}-{commit}.md");
    await File.WriteAllTextAsync(path, markdown);
    await File.WriteAllTextAsync(Path.Combine(resultsDir, "latest.md"), markdown);
    Console.WriteLine(markdown);
    Console.WriteLine($"results: {path} (and {Path.Combine(resultsDir, "latest.md")})");
    return results.Any(r => r.Result?.Error is not null) ? 1 : 0;
}

static string? Git(params string[] arguments)
{
    try
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : null;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return null;
    }
}
