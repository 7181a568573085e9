using System.Net.Http.Headers;
using Kto.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// A second local host on the shared stack's Azurite and SMTP server, with settings or services of its own: for
/// limits and start-up rules the shared host cannot show without changing every other test.
/// </summary>
public sealed class ExtraHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ExtraHost(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The host, built but not started (start-up failures are what some tests look at).</summary>
    public static (WebApplication App, string BaseUrl) Build(LocalStack stack, IReadOnlyDictionary<string, string?> overrides,
        string[]? args = null, Action<IServiceCollection>? services = null, CapturedLogs? logs = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = stack.Settings(baseUrl);
        // Only the shared host runs the blob watcher's work promptly; this one looks rarely.
        settings["Local:BlobPollInterval"] = "00:10:00";
        foreach (var (key, value) in overrides) settings[key] = value;
        var app = LocalApp.Build(args ?? [], config => config.AddInMemoryCollection(settings),
            logs is null ? null : logging => CapturedLogs.AddTo(logging, logs), services);
        return (app, baseUrl);
    }

    public static async Task<ExtraHost> StartAsync(LocalStack stack, IReadOnlyDictionary<string, string?> overrides,
        string[]? args = null, Action<IServiceCollection>? services = null, CapturedLogs? logs = null)
    {
        var (app, baseUrl) = Build(stack, overrides, args, services, logs);
        await app.StartAsync();
        return new ExtraHost(app, baseUrl);
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
