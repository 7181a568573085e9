using System.Diagnostics;
using Kto.Cli;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Cli;

/// <summary>Runs ./kto's API commands in process (the CLI's own entry point) against a stack, as ./kto would.</summary>
public static class KtoCli
{
    public sealed record Result(int Exit, string Stdout, string Stderr);

    /// <summary>The CLI as this test run built it, for ./kto (KTO_CLI_DLL) so a test does not start a Release build.</summary>
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.GetDirectoryName(typeof(KtoCli).Assembly.Location)!).Parent!.Name; // bin/{Debug|Release}/net10.0
            var dll = Path.Combine(RepoPaths.Root, "tools", "Kto.Cli", "bin", configuration, "net10.0", "Kto.Cli.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }
    }

    /// <summary>Runs the bash script ./kto itself with <paramref name="environment"/> (KTO_PORT, KTO_KEY, …).</summary>
    public static async Task<Result> RunScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "kto"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["KTO_CLI_DLL"] = Dll;
        foreach (var inherited in new[] { "KTO_KEY", "KTO_BUREAU_KEY", "KTO_PORT", "KTO_DATA", "KTO_WAIT" }) start.Environment.Remove(inherited);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<Result> RunAsync(LocalStack stack, params string[] args) => await RunAsync(stack.BaseUrl, stack.BureauKey, args);

    public static async Task<Result> RunAsync(string baseUrl, string key, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await KtoCommands.RunAsync(args, new CliSettings(new Uri(baseUrl), key, TimeSpan.FromSeconds(120)), stdout, stderr, interactive: false);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
