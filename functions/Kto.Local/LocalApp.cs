using Kto.Functions;
using Kto.Functions.Http;
using Kto.Infrastructure;

namespace Kto.Local;

/// <summary>
/// Builds the local host: the Functions app's own services (the shared composition root), its function classes
/// hosted by Kestrel, a blob watcher and a timer scheduler. Tests build it with their own configuration.
/// </summary>
public static class LocalApp
{
    /// <summary>
    /// Never "Development": ASP.NET Core would add its developer exception page, which shows request headers (the
    /// bureau key among them). Errors are answered by <see cref="ErrorResponses"/> as in the Functions app.
    /// </summary>
    public const string EnvironmentName = "Local";

    /// <summary>The JSON 404 for any path no function serves (the Functions host answers those with 404 too).</summary>
    public const string NotFoundFallback = "not-found fallback";

    /// <param name="services">For tests: changes to the services after the app's own (e.g. a failing store).</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = EnvironmentName,
        });
        configure?.Invoke(builder.Configuration);
        logging?.Invoke(builder.Logging);

        var catalog = new FunctionCatalog(typeof(HealthFunction).Assembly);
        var localSettings = builder.Configuration.GetSection("Local").Get<LocalHostSettings>() ?? new LocalHostSettings();

        builder.Services.AddKto(builder.Configuration);
        builder.Services.AddKtoFunctions();
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
        var errors = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses));
        // The equivalent of the Functions app's ErrorMiddleware: first in the pipeline, so it sees every error.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e)
            {
                if (!await ErrorResponses.TryWriteAsync(context, e, errors)) throw;
            }
        });
        // Plays Azure's front end, which appends the address a request came from to X-Forwarded-For (the address the
        // questionnaire's limit counts). On loopback (tests, ./kto, a proxy on this machine) the caller plays it.
        app.Use((context, next) =>
        {
            if (context.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote))
                context.Request.Headers.Append("X-Forwarded-For", remote.ToString());
            return next(context);
        });
        app.MapHttpFunctions(catalog);
        app.MapFallback((HttpContext context) => Results.Json(
            new { error = "not-found", message = "Deze pagina of route bestaat niet." }, statusCode: StatusCodes.Status404NotFound))
            .WithDisplayName(NotFoundFallback);
        return app;
    }
}
