using System.Net;
using System.Net.Sockets;
using System.Reflection;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;

namespace Kto.Local;

/// <summary>
/// Runs the app's orchestrations and activities in process, in memory, on the parts of Microsoft.DurableTask's
/// InProcessTestHost (its in-memory orchestration service and gRPC sidecar) wired as its DurableTaskTestHost wires
/// them, except for one thing: activities run up to <see cref="ActivitySlots"/> at a time, as in the Functions host.
/// The test host allows one per core and, when full, looks for a free slot only every 500 ms, so the annual report
/// of 50 companies spent most of its time waiting for slots. Orchestrations and activities are found in the
/// <see cref="FunctionCatalog"/> by their trigger attributes, so names live in one place, and the same methods are
/// called through the <see cref="FunctionInvoker"/> (a DI scope per call, like the Functions host). Its
/// <see cref="DurableTaskClient"/> is what <c>[DurableClient]</c> parameters receive. State is lost when the
/// process stops: this is a development host.
/// </summary>
public sealed class LocalDurableHost(FunctionCatalog catalog, FunctionInvoker invoker, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    /// <summary>The Functions host's default <c>maxConcurrentActivityFunctions</c>: 10 per core.</summary>
    public static int ActivitySlots { get; } = 10 * Environment.ProcessorCount;

    private WebApplication? sidecar;
    private GrpcChannel? channel;
    private IHost? worker;

    public DurableTaskClient Client => worker?.Services.GetRequiredService<DurableTaskClient>()
        ?? throw new InvalidOperationException("The local Durable host has not started.");

    /// <summary>The orchestrations this host registers, by function name (the host-drift test reads these).</summary>
    public static IEnumerable<FunctionMethod> Orchestrators(FunctionCatalog catalog) =>
        catalog.WithTrigger<OrchestrationTriggerAttribute>().Select(t => t.Function);

    /// <summary>The activities this host registers, by function name.</summary>
    public static IEnumerable<FunctionMethod> Activities(FunctionCatalog catalog) =>
        catalog.WithTrigger<ActivityTriggerAttribute>().Select(t => t.Function);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var service = new LocalOrchestrationService(loggers);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        // The app's logging (and its levels), not a default host's that logs every internal call at Information.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);

        channel = GrpcChannel.ForAddress(address);
        worker = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.Services.AddSingleton(loggers);
            })
            .ConfigureServices(services =>
            {
                services.AddDurableTaskWorker(worker =>
                {
                    worker.UseGrpc(channel);
                    worker.AddTasks(registry =>
                    {
                        foreach (var function in Orchestrators(catalog))
                            registry.AddOrchestrator(function.Name, new Orchestrator(function, invoker));
                        foreach (var function in Activities(catalog))
                            registry.AddActivity(function.Name, new Activity(function, invoker));
                    });
                });
                services.AddDurableTaskClient(client =>
                {
                    client.UseGrpc(channel);
                    client.RegisterDirectly();
                });
            })
            .Build();
        await worker.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.StopAsync();
            worker.Dispose();
            worker = null;
        }
        if (channel is not null)
        {
            await channel.ShutdownAsync();
            channel.Dispose();
            channel = null;
        }
        if (sidecar is not null)
        {
            await sidecar.StopAsync();
            await sidecar.DisposeAsync();
            sidecar = null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The in-memory service with the Functions host's activity concurrency (it re-implements that one member).</summary>
    private sealed class LocalOrchestrationService(ILoggerFactory loggers) : InMemoryOrchestrationService(loggers), IOrchestrationService
    {
        int IOrchestrationService.MaxConcurrentTaskActivityWorkItems => ActivitySlots;
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
