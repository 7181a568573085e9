using System.Text.Json;
using Cronos;
using Kto.Local;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Tests.Support;

/// <summary>One thing a host serves for a function, written the same way for both hosts so two sets can be compared.</summary>
public sealed record HostBinding(string Function, string Kind, string Detail)
{
    public override string ToString() => $"{Function}: {Kind} {Detail}".TrimEnd();
}

/// <summary>
/// What the Azure Functions host will serve (read from <c>functions.metadata</c>, which the Worker SDK writes at build)
/// and what Kto.Local serves (its HTTP endpoints, blob watcher, timer scheduler and Durable registrations), as
/// comparable <see cref="HostBinding"/>s. Generic: it knows binding kinds, never a list of functions.
/// </summary>
public static class HostBindings
{
    public const string MetadataFile = "functions.metadata";

    /// <summary>The input bindings other than triggers that Kto.Local's <c>FunctionInvoker</c> can fill.</summary>
    private static readonly Dictionary<string, Type> ServedInputs = new() { ["durableClient"] = typeof(DurableClientAttribute) };

    public static JsonElement ReadMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, MetadataFile);
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK writes it when Kto.Functions builds.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    /// <summary>
    /// The bindings in the metadata, and the problems: bindings Kto.Local cannot serve, HTTP triggers that need a key,
    /// blob triggers that do not come through Event Grid (Flex Consumption has no polling blob trigger).
    /// </summary>
    public static (HashSet<HostBinding> Bindings, List<string> Problems) FromMetadata(JsonElement metadata)
    {
        var bindings = new HashSet<HostBinding>();
        var problems = new List<string>();
        foreach (var function in metadata.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            bindings.Add(new HostBinding(name, "entry", function.GetProperty("entryPoint").GetString()!));
            var triggers = 0;
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                var type = binding.GetProperty("type").GetString()!;
                var direction = binding.GetProperty("direction").GetString();
                if (type.EndsWith("Trigger", StringComparison.Ordinal)) triggers++;
                switch (type)
                {
                    case "httpTrigger":
                        if (Text(binding, "authLevel") is not "Anonymous")
                            problems.Add($"{name}: authLevel {Text(binding, "authLevel")}; Kto.Local serves every route anonymously and access is checked by the function");
                        var route = Text(binding, "route") ?? name;
                        var methods = binding.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0
                            ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant())
                            : ["*"];
                        foreach (var method in methods) bindings.Add(new HostBinding(name, "http", $"{method} {route}"));
                        break;
                    case "blobTrigger":
                        if (Text(binding, "source") is not "EventGrid")
                            problems.Add($"{name}: blob trigger source {Text(binding, "source") ?? "(polling)"}; on Flex Consumption it must be EventGrid");
                        bindings.Add(new HostBinding(name, "blob", Text(binding, "path")!));
                        break;
                    case "timerTrigger":
                        var schedule = Text(binding, "schedule")!;
                        try { bindings.Add(new HostBinding(name, "timer", CronExpression.Parse(schedule, CronFormat.IncludeSeconds).ToString())); }
                        catch (CronFormatException) { problems.Add($"{name}: timer schedule '{schedule}' is not a six-field CRON expression Kto.Local can run"); }
                        break;
                    case "orchestrationTrigger":
                        bindings.Add(new HostBinding(name, "orchestration", ""));
                        break;
                    case "activityTrigger":
                        bindings.Add(new HostBinding(name, "activity", ""));
                        break;
                    case "http" when direction == "Out":
                        break; // the HTTP response of an HTTP trigger
                    default:
                        if (direction == "In" && ServedInputs.ContainsKey(type)) bindings.Add(new HostBinding(name, "input", type));
                        else problems.Add($"{name}: {direction} binding '{type}' is not served by Kto.Local");
                        break;
                }
            }
            if (triggers != 1) problems.Add($"{name}: {triggers} triggers");
        }
        return (bindings, problems);
    }

    /// <summary>What Kto.Local serves, read from its own parts: the endpoints Kestrel routes, the watcher, the scheduler, the Durable host.</summary>
    public static HashSet<HostBinding> FromLocal(FunctionCatalog catalog, EndpointDataSource endpoints, IServiceProvider services)
    {
        var bindings = new HashSet<HostBinding>();
        foreach (var f in catalog.Functions)
            bindings.Add(new HostBinding(f.Name, "entry", $"{f.Type.FullName}.{f.Method.Name}"));
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().Where(e => e.DisplayName != LocalApp.NotFoundFallback))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
                bindings.Add(new HostBinding(endpoint.DisplayName!, "http", $"{method} {endpoint.RoutePattern.RawText!.TrimStart('/')}"));
        }
        foreach (var (function, path) in BlobTriggerWatcher.WatchedPaths(catalog))
            bindings.Add(new HostBinding(function.Name, "blob", path));
        foreach (var (function, schedule) in TimerTriggerScheduler.Schedules(catalog))
            bindings.Add(new HostBinding(function.Name, "timer", schedule.ToString()));
        foreach (var function in LocalDurableHost.Orchestrators(catalog))
            bindings.Add(new HostBinding(function.Name, "orchestration", ""));
        foreach (var function in LocalDurableHost.Activities(catalog))
            bindings.Add(new HostBinding(function.Name, "activity", ""));
        // Other inputs: served when the parameter's type comes out of Kto.Local's container (FunctionInvoker binds by type).
        foreach (var f in catalog.Functions)
            foreach (var parameter in f.Method.GetParameters())
                foreach (var (type, attribute) in ServedInputs)
                    if (parameter.IsDefined(attribute, false) && services.GetService(parameter.ParameterType) is not null)
                        bindings.Add(new HostBinding(f.Name, "input", type));
        return bindings;
    }

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
