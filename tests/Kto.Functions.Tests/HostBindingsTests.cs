using System.Text.Json;
using System.Text.Json.Nodes;
using Kto.Functions.Tests.Support;
using Kto.Local;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>
/// The bindings a real host sees (functions.metadata, written by the Worker SDK at build) against what Kto.Local
/// serves, so the two hosts cannot drift: every trigger, route, method, blob path, schedule, orchestration and
/// activity, both ways.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class HostBindingsTests(LocalStack stack)
{
    [Fact]
    public void Every_binding_in_functions_metadata_is_served_by_Kto_Local_and_nothing_else()
    {
        var (expected, problems) = HostBindings.FromMetadata(HostBindings.ReadMetadata());
        var served = LocalBindings();

        Assert.Empty(problems);
        Assert.Contains(expected, b => b.Kind == "http"); // the file was read and holds functions
        var missingLocally = expected.Except(served).Select(b => b.ToString()).Order().ToList();
        var onlyLocally = served.Except(expected).Select(b => b.ToString()).Order().ToList();
        Assert.True(missingLocally.Count == 0 && onlyLocally.Count == 0,
            $"Azure would serve but Kto.Local does not:\n  {string.Join("\n  ", missingLocally)}\n" +
            $"Kto.Local serves but Azure would not:\n  {string.Join("\n  ", onlyLocally)}");
    }

    [Fact]
    public void A_drifted_metadata_file_is_caught_binding_by_binding()
    {
        // The real metadata, changed as a drift between the hosts would change it.
        var metadata = JsonNode.Parse(HostBindings.ReadMetadata().GetRawText())!.AsArray();
        JsonObject Trigger(string type) => metadata.SelectMany(f => f!["bindings"]!.AsArray()).Select(b => b!.AsObject())
            .First(b => b["type"]!.GetValue<string>() == type);
        var http = Trigger("httpTrigger");
        http["route"] = "api/drifted/" + http["route"]!.GetValue<string>();
        var blob = Trigger("blobTrigger");
        blob.Remove("source");
        var timer = Trigger("timerTrigger");
        timer["schedule"] = "0 1 2 * * *";
        metadata.Add(JsonNode.Parse("""
            { "name": "QueueOnly", "entryPoint": "Kto.Functions.QueueOnly.Run",
              "bindings": [ { "name": "m", "direction": "In", "type": "queueTrigger", "queueName": "q" } ] }
            """));

        var (expected, problems) = HostBindings.FromMetadata(JsonDocument.Parse(metadata.ToJsonString()).RootElement);
        var missingLocally = expected.Except(LocalBindings()).ToList();

        Assert.Contains(missingLocally, b => b.Kind == "http" && b.Detail.Contains("api/drifted/"));
        Assert.Contains(missingLocally, b => b.Kind == "timer"); // the changed schedule
        Assert.Contains(missingLocally, b => b.Function == "QueueOnly" && b.Kind == "entry");
        Assert.Contains(problems, p => p.Contains("source") && p.Contains("EventGrid"));
        Assert.Contains(problems, p => p.StartsWith("QueueOnly:") && p.Contains("queueTrigger"));
    }

    private HashSet<HostBinding> LocalBindings() =>
        HostBindings.FromLocal(stack.Services.GetRequiredService<FunctionCatalog>(), stack.Services.GetRequiredService<EndpointDataSource>(), stack.Services);
}
