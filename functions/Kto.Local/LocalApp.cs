using Kto.Functions;
using Kto.Infrastructure;

namespace Kto.Local;

/// <summary>
/// Builds the local host: the Functions app's own services (the shared composition root), its function classes
/// hosted by Kestrel, a blob watcher and a timer scheduler. Tests build it with their own configuration.
/// </summary>
public static class LocalApp
{
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);
        logging?.Invoke(builder.Logging);

        var catalog = new FunctionCatalog(typeof(HealthFunction).Assembly);
        var localSettings = builder.Configuration.GetSection("Local").Get<LocalHostSettings>() ?? new LocalHostSettings();

        builder.Services.AddKto(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(localSettings);
        builder.Services.AddSingleton<FunctionInvoker>();
        // Orchestrations in the in-memory Durable host; [DurableClient] parameters get its client (FunctionInvoker binds from DI).
        builder.Services.AddSingleton<LocalDurableHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalDurableHost>());
        builder.Services.AddSingleton<Microsoft.DurableTask.Client.DurableTaskClient>(sp => sp.GetRequiredService<LocalDurableHost>().Client);
        builder.Services.AddHostedService<BlobTriggerWatcher>();
        builder.Services.AddHostedService<TimerTriggerScheduler>();
        // Last, so a test can put a wrapper (fault injection) around a registered service.
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHttpFunctions(catalog);
        return app;
    }
}
