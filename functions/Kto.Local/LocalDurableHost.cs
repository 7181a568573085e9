using System.Reflection;
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
    private DurableTaskTestHost? host;

    public DurableTaskClient Client => host?.Client ?? throw new InvalidOperationException("The local Durable host has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The test host runs its own gRPC web host whose default logging reads only environment variables and logs
        // every internal call at Information; this keeps that chatter out of the local log.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft.AspNetCore", "Warning");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft.DurableTask", "Warning");
        host = await DurableTaskTestHost.StartAsync(registry =>
        {
            foreach (var (function, _) in catalog.WithTrigger<OrchestrationTriggerAttribute>())
                registry.AddOrchestrator(function.Name, new Orchestrator(function, invoker));
            foreach (var (function, _) in catalog.WithTrigger<ActivityTriggerAttribute>())
                registry.AddActivity(function.Name, new Activity(function, invoker));
        }, new DurableTaskTestHostOptions { LoggerFactory = loggers }, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        host = null;
    }

    private static Dictionary<Type, object> ByType(Type type, object? value) =>
        value is null ? [] : new Dictionary<Type, object> { [type] = value };

    private static readonly Dictionary<string, string?> NoNames = [];

    /// <summary>The orchestration input is the orchestrator's parameter that is neither the context nor a token, as in the Functions host.</summary>
    private sealed class Orchestrator(FunctionMethod function, FunctionInvoker invoker) : ITaskOrchestrator
    {
        public Type InputType { get; } = function.Method.GetParameters()
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t != typeof(TaskOrchestrationContext) && t != typeof(CancellationToken)) ?? typeof(object);

        public Type OutputType => typeof(object);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var byType = ByType(InputType, input);
            byType[typeof(TaskOrchestrationContext)] = context;
            return invoker.InvokeAsync(function, byType, NoNames, CancellationToken.None);
        }
    }

    private sealed class Activity(FunctionMethod function, FunctionInvoker invoker) : ITaskActivity
    {
        public Type InputType { get; } = function.Method.GetParameters()
            .Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

        public Type OutputType => typeof(object);

        public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
            invoker.InvokeAsync(function, ByType(InputType, input), NoNames, CancellationToken.None);
    }
}
