using Kto.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kto.Bench.Support;

/// <summary>
/// The production composition root (<see cref="KtoServiceCollectionExtensions.AddKto"/>) with an in-memory
/// configuration, as Kto.Local builds it: the real services with the real Table/Blob/SMTP adapters.
/// </summary>
public static class KtoServices
{
    public static async Task<ServiceProvider> StartAsync(string storage, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Kto:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Kto:Bureau:Name"] = "Benchmarkbureau",
            ["Kto:Bureau:ContactEmail"] = "privacy@bureau.example",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var provider = new ServiceCollection().AddLogging().AddKto(configuration).BuildServiceProvider();
        // The hosted StorageInitializer creates the tables and containers, as at host start.
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        return provider;
    }
}
