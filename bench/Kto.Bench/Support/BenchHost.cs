using Kto.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Kto.Bench.Support;

/// <summary>
/// The real local host (Kto.Local: the function classes on Kestrel) on a scenario's Azurite, with the settings every
/// HTTP scenario shares: no timers, a slow blob watcher, quiet logs. A scenario adds its own settings.
/// </summary>
public static class BenchHost
{
    public static WebApplication Build(AzuriteServer azurite, string baseUrl, IDictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Kto:PublicBaseUrl"] = baseUrl,
            ["Kto:Bureau:Name"] = "Benchmarkbureau",
            ["Kto:Bureau:ContactEmail"] = "privacy@bureau.example",
            ["Local:RunTimers"] = "false",
            ["Local:BlobPollInterval"] = "00:01:00",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["urls"] = baseUrl,
        };
        foreach (var (key, value) in settings) values[key] = value;
        return LocalApp.Build([], config => config.AddInMemoryCollection(values));
    }
}
