using System.Diagnostics;
using System.Net.Sockets;

namespace Kto.TestSupport;

/// <summary>
/// A real Azurite (npm, installed by ./kto) on free loopback ports with in-memory storage; stopped on dispose.
/// The benchmarks read its peak RSS and CPU time from /proc, since it is a separate process.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly Process process;

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>Runs a scenario against a fresh Azurite and hands back Azurite's peak memory, also when the run fails.</summary>
    public static async Task<T> RunAsync<T>(Func<AzuriteServer, Task<T>> run, Action<long?> reportPeak)
    {
        await using var azurite = await StartAsync();
        try
        {
            return await run(azurite);
        }
        finally
        {
            reportPeak(azurite.PeakResidentBytes());
        }
    }

    /// <summary>
    /// Starts Azurite on three free ports. A port taken between choosing and binding (another test run on the same
    /// machine) makes Azurite exit: then it starts again on other ports, up to three times.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite)) throw new InvalidOperationException("Azurite is not installed: run ./kto test or ./kto bench (they run npm ci).");
        for (var attempt = 1; ; attempt++)
        {
            int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
            var start = new ProcessStartInfo(azurite)
            {
                ArgumentList =
                {
                    "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
                    "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                    "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                    "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new AzuriteServer(process, blob, queue, table);
            if (await ListensAsync(process, blob) && await ListensAsync(process, table) && await ListensAsync(process, queue))
                return server;
            await server.DisposeAsync();
            if (attempt == 3) throw new TimeoutException($"Azurite did not start (3 attempts; last ports {blob}, {queue}, {table})");
        }
    }

    /// <summary>Azurite's peak resident memory (VmHWM) in bytes, or null when it cannot be read.</summary>
    public long? PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException) { }
        return null;
    }

    /// <summary>CPU time Azurite has used so far (user + system, from /proc), or null when it cannot be read.</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            // Fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux); the name in brackets may hold spaces.
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException) { }
        return null;
    }

    /// <summary>True once the port accepts a connection; false when Azurite exited or 90 s passed (a busy machine).</summary>
    private static async Task<bool> ListensAsync(Process process, int port)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
