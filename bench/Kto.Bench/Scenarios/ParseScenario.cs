using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kto.Bench.Support;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 1 (BenchmarkDotNet): rows per second of parse + validate against a plain CsvHelper read.
/// In-process toolchain (this child process is already one process per scenario; generating and building a
/// separate benchmark project would cost a minute of the 2-core budget). Short job: 3 warm-ups (so tiered JIT has promoted the hot loops), 5 iterations,
/// one invocation each (an invocation takes far longer than the timer resolution).
/// </summary>
public sealed class ParseScenario : IScenario
{
    public string Name => "parse";

    public Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "kto-bench-bdn-" + Environment.ProcessId);
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1)
            .WithId("short");
        var config = ManualConfig.CreateMinimumViable().AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default).WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<ParseBenchmarks>(config);
        try { Directory.Delete(artifacts, recursive: true); } catch (IOException) { }

        var plain = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ParseBenchmarks.PlainCsvHelperRead));
        var parse = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ParseBenchmarks.ParseAndValidate));
        var inspect = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ParseBenchmarks.InspectOnly));
        if (plain.ResultStatistics is null || parse.ResultStatistics is null || inspect.ResultStatistics is null)
            throw new InvalidOperationException("BenchmarkDotNet produced no measurements");

        double RowsPerSecond(double nanoseconds) => ParseBenchmarks.Rows / (nanoseconds / 1e9);
        var baseline = RowsPerSecond(plain.ResultStatistics.Mean);
        var rate = RowsPerSecond(parse.ResultStatistics.Mean);
        var ratio = rate / baseline;
        var allocated = parse.GcStats.GetBytesAllocatedPerOperation(parse.BenchmarkCase) ?? 0;
        var allocatedPlain = plain.GcStats.GetBytesAllocatedPerOperation(plain.BenchmarkCase) ?? 0;
        var size = ExportFile.Csv(ParseBenchmarks.Rows).Length;
        return Task.FromResult(new ScenarioResult(Name,
        [
            new Figure("parse + validate 100,000 rows", rate, "rows/s", "plain CsvHelper read", baseline, ratio, "≥ 0.5", ratio >= 0.5),
        ],
        [
            $"File: {ParseBenchmarks.Rows:N0} rows, {size / 1e6:F1} MB CSV in memory. BenchmarkDotNet 0.15.8, in-process toolchain, 3 warm-ups + 5 iterations.",
            $"Mean per file: parse + validate {parse.ResultStatistics.Mean / 1e6:F0} ms (±{parse.ResultStatistics.StandardDeviation / 1e6:F0}), plain read {plain.ResultStatistics.Mean / 1e6:F0} ms (±{plain.ResultStatistics.StandardDeviation / 1e6:F0}).",
            $"Of that, the first pass (sniff, header, census for the BSN-column refusal) {inspect.ResultStatistics.Mean / 1e6:F0} ms; the second (rows read, validated, turned into services) the rest. " +
            "Both after 3 warm-ups, i.e. about the first dozen files a host reads: code run once per file may not be fully optimised by the JIT yet (before issue 22 the census loop measured about 3× its warmed time that way). " +
            $"With validation free, two passes bound the ratio at {plain.ResultStatistics.Mean / (inspect.ResultStatistics.Mean + plain.ResultStatistics.Mean):F2}.",
            $"Allocated per file: parse + validate {allocated / 1e6:F0} MB, plain read {allocatedPlain / 1e6:F0} MB (MemoryDiagnoser).",
        ]));
    }
}
