using System.Diagnostics;
using System.Net.Http.Headers;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// Kto.Local as its own process (the build output next to this repo's sources), so a test can kill it with
/// SIGKILL in the middle of work and start it again against the same Azurite and SMTP server.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> settings;
    private Process? process;

    public LocalHostProcess(IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
    }

    public string BaseUrl { get; }

    /// <summary>How many times the host was killed: the "faults survived" of the closing note.</summary>
    public int Kills { get; private set; }

    public static string Dll
    {
        get
        {
            var output = Path.GetDirectoryName(typeof(LocalHostProcess).Assembly.Location)!;
            var configuration = new DirectoryInfo(output).Parent!.Name; // bin/{Debug|Release}/net10.0
            var dll = Path.Combine(RepoPaths.Root, "functions", "Kto.Local", "bin", configuration, "net10.0", "Kto.Local.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { Dll }, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["urls"] = BaseUrl;
        start.Environment["Local__RunTimers"] = "false";
        start.Environment["Local__BlobPollInterval"] = "00:00:00.200";
        // Its temp files (a delivery's DeleteOnClose copy) outlive a SIGKILL: they go to the test run's folder, not /tmp.
        start.Environment["TMPDIR"] = TestTemp.Folder("kto-local-");
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"Kto.Local exited with {process.ExitCode} at start");
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("Kto.Local did not answer /api/health within 60 s");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a crash or a scale-in would end it.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
        Kills++;
    }

    public async Task RestartAfterKillAsync()
    {
        await KillAsync();
        await StartAsync();
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
