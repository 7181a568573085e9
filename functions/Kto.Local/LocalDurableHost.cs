using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Kto.Local;

/// <summary>
/// Runs the app's orchestrations and activities in <see cref="DurableTaskTestHost"/> (in-process, in memory):
/// they are found in the <see cref="FunctionCatalog"/> by their trigger attributes, so names live in one place,
/// and the same methods are called through the <see cref="FunctionInvoker"/> (a DI scope per call, like the
/// Functions host). Its <see cref="DurableTaskClient"/> is what <c>[DurableClient]</c> parameters receive.
/// State is lost when the process stops: this is a development host.
/// </summary>
public sealed class LocalDurableHost(FunctionCatalog catalog, FunctionInvoker invoker, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions InputOptions = new(JsonSerializerDefaults.Web);
    private DurableTaskTestHost? host;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("The local Durable host has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        host = await DurableTaskTestHost.StartAsync(registry =>
        {
            foreach (var (function, _) in catalog.WithTrigger<OrchestrationTriggerAttribute>())
                registry.AddOrchestratorFunc<JsonElement?, object?>(function.Name, (context, _) =>
                    invoker.InvokeAsync(function, new Dictionary<Type, object> { [typeof(TaskOrchestrationContext)] = context },
                        new Dictionary<string, string?>(), CancellationToken.None));

            foreach (var (function, _) in catalog.WithTrigger<ActivityTriggerAttribute>())
            {
                var inputType = function.Method.GetParameters()
                    .Single(p => p.GetCustomAttributes(typeof(ActivityTriggerAttribute), false).Length > 0).ParameterType;
                registry.AddActivityFunc<JsonElement?, object?>(function.Name, (_, input) =>
                {
                    var value = input is { } json ? json.Deserialize(inputType, InputOptions) : null;
                    var byType = value is null ? new Dictionary<Type, object>() : new Dictionary<Type, object> { [inputType] = value };
                    return invoker.InvokeAsync(function, byType, new Dictionary<string, string?>(), CancellationToken.None);
                });
            }
        }, new DurableTaskTestHostOptions { LoggerFactory = loggers }, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        host = null;
    }
}
