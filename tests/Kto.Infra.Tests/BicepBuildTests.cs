namespace Kto.Infra.Tests;

/// <summary>The templates compile and lint without a single warning (bicepconfig.json sets the rules).</summary>
public class BicepBuildTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        data.Add("main.bicep");
        foreach (var module in Directory.EnumerateFiles(Path.Combine(BicepCli.InfraDir, "modules"), "*.bicep").Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(BicepCli.InfraDir, module));
        return data;
    }

    public static TheoryData<string> ParameterFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraDir, "*.bicepparam").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Main_builds_without_warnings()
    {
        using var temp = new TempDir();
        var result = BicepCli.Run("build", Path.Combine(BicepCli.InfraDir, "main.bicep"), "--outdir", temp.Path);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.False(result.HasWarningOrError, "bicep build printed diagnostics:\n" + result.Output);
        Assert.True(File.Exists(Path.Combine(temp.Path, "main.json")));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lints_without_warnings(string file)
    {
        var result = BicepCli.Run("lint", Path.Combine(BicepCli.InfraDir, file));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.False(result.HasWarningOrError, $"bicep lint {file} printed diagnostics:\n{result.Output}");
    }

    [Fact]
    public void There_is_a_parameter_file_for_test_and_for_production()
    {
        var files = Directory.EnumerateFiles(BicepCli.InfraDir, "*.bicepparam").Select(Path.GetFileName).ToList();

        Assert.Contains("main.test.bicepparam", files);
        Assert.Contains("main.prod.bicepparam", files);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Parameter_file_builds_without_warnings(string file)
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "parameters.json");
        var result = BicepCli.Run("build-params", Path.Combine(BicepCli.InfraDir, file), "--outfile", output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.False(result.HasWarningOrError, $"bicep build-params {file} printed diagnostics:\n{result.Output}");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(output))!;
        var environment = (string?)json["parameters"]?["environmentName"]?["value"];
        Assert.Equal(file.Split('.')[1], environment);
    }

    [Fact]
    public void Linter_rules_are_active()
    {
        // A copy of infra-bicep (with its bicepconfig.json) plus an unused parameter must give a warning.
        using var temp = new TempDir();
        var infra = temp.CopyInfra();
        var main = Path.Combine(infra, "main.bicep");
        File.AppendAllText(main, "\nparam unusedProbe string = 'x'\n");

        var result = BicepCli.Run("lint", main);

        Assert.Contains(result.Diagnostics, d => d.Contains("Warning no-unused-params", StringComparison.Ordinal));
        Assert.True(result.HasWarningOrError);
    }

    [Fact]
    public void Bicepconfig_sets_every_rule_to_warning_or_error()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDir, "bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.True((bool?)config["analyzers"]!["core"]!["enabled"] != false);
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Contains((string?)r.Value!["level"], new[] { "warning", "error" }));
    }
}
