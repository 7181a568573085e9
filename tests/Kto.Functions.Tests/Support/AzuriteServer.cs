using System.Diagnostics;
using System.Net.Sockets;

namespace Kto.Functions.Tests.Support;

/// <summary>A real Azurite (npm, installed by ./kto) on free ports with in-memory storage; stopped on dispose.</summary>
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

    /// <summary>
    /// Starts Azurite on three free ports. A port taken between choosing and binding (another test run on the same
    /// machine) makes Azurite exit: then it starts again on other ports, up to three times.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite)) throw new InvalidOperationException("Azurite is not installed: run ./kto test (it runs npm ci).");
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
