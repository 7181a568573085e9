using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kto.Infra.Tests;

/// <summary>The post-deploy script parses and reads only outputs main.bicep declares.</summary>
[Collection(CompiledMainCollection.Name)]
public partial class ScriptTests(CompiledMainFixture fixture)
{
    private static string Script => Path.Combine(BicepCli.InfraDir, "scripts", "subscribe-blob-trigger.sh");

    [Fact]
    public void Script_is_valid_bash()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, errors);
    }

    [Fact]
    public void Script_reads_only_declared_outputs_and_targets_the_blobs_extension()
    {
        var text = File.ReadAllText(Script);
        var outputs = fixture.Template.Json["outputs"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var used = OutputCall().Matches(text).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, outputs));
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${blobs_key}", text, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Contains("function_name=\"IngestDelivery\"", text, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/${container}/", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\(output (\w+)\)")]
    private static partial Regex OutputCall();
}
