using System.Text.Json.Nodes;

namespace Kto.Infra.Tests;

/// <summary>main.bicep compiled to ARM JSON (in a temporary folder), with queries the tests need.</summary>
public sealed class CompiledTemplate
{
    private CompiledTemplate(JsonObject json, BicepResult build)
    {
        Json = json;
        Build = build;
        Root = new ArmScope(json);
    }

    public JsonObject Json { get; }

    public BicepResult Build { get; }

    public ArmScope Root { get; }

    /// <summary>Runs bicep build on <paramref name="mainBicep"/> into a temporary folder and loads the result.</summary>
    public static CompiledTemplate Compile(string mainBicep)
    {
        using var temp = new TempDir();
        var build = BicepCli.Run("build", mainBicep, "--outdir", temp.Path);
        var output = Path.Combine(temp.Path, Path.GetFileNameWithoutExtension(mainBicep) + ".json");
        if (build.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"bicep build {mainBicep} failed ({build.ExitCode}):\n{build.Output}");
        var json = JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        return new CompiledTemplate(json, build);
    }

    /// <summary>Every resource of a type, in main.bicep and all modules, with the scope that evaluates it.</summary>
    public IEnumerable<(ArmScope Scope, JsonObject Resource)> Resources(string type) =>
        from scope in Root.SelfAndModules()
        from r in scope.Resources
        where string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)
        select (scope, r);

    public (ArmScope Scope, JsonObject Resource) Single(string type)
    {
        var all = Resources(type).ToList();
        Assert.True(all.Count == 1, $"Expected exactly one {type}, found {all.Count}");
        return all[0];
    }

    /// <summary>
    /// The names a resource declaration creates: one, or one per iteration of its copy loop. Only the last name
    /// segment (containers/tables: "account/default/NAME"). Unknown parts show as '?'.
    /// </summary>
    public static IReadOnlyList<string> ResourceNames(ArmScope scope, JsonObject resource)
    {
        var nameNode = resource["name"]!;
        if (resource["copy"] is not JsonObject copy)
            return [LastSegment(ArmScope.Text(scope.Evaluate(nameNode)))];
        var loop = (string?)copy["name"] ?? "";
        var count = scope.Evaluate(copy["count"]);
        Assert.True(count is long, $"The count of copy loop '{loop}' cannot be evaluated before deployment");
        var names = new List<string>();
        for (long i = 0; i < (long)count!; i++)
            names.Add(LastSegment(ArmScope.Text(scope.Evaluate(nameNode, new Dictionary<string, long> { [loop] = i, [""] = i }))));
        return names;
    }

    /// <summary>The app settings of a Microsoft.Web/sites resource, name to value, as far as known before deployment.</summary>
    public static IReadOnlyDictionary<string, object?> AppSettings(ArmScope scope, JsonObject site)
    {
        var siteConfig = site["properties"]?["siteConfig"] as JsonObject
            ?? throw new InvalidOperationException("The function app has no properties.siteConfig");
        // Ordinal: a setting name with the wrong case is a different environment variable on Linux.
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var entries = new List<object?>();
        if (siteConfig["appSettings"] is { } literal)
        {
            if (scope.Evaluate(literal) is List<object?> list) entries.AddRange(list);
        }
        // A for-expression compiles to a property copy loop named after the property.
        var copy = (siteConfig["copy"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["name"] == "appSettings");
        if (copy is not null)
        {
            var count = scope.Evaluate(copy["count"]);
            Assert.True(count is long, "The number of app settings cannot be evaluated before deployment");
            for (long i = 0; i < (long)count!; i++)
                entries.Add(scope.Evaluate(copy["input"], new Dictionary<string, long> { ["appSettings"] = i }));
        }
        foreach (var entry in entries)
        {
            if (entry is Dictionary<string, object?> d && d.TryGetValue("name", out var n) && n is string name)
                result[name] = d.TryGetValue("value", out var v) ? v : null;
        }
        return result;
    }

    private static string LastSegment(string name) => name[(name.LastIndexOf('/') + 1)..];
}

/// <summary>Compiles main.bicep once for all tests of a class.</summary>
public sealed class CompiledMainFixture
{
    private readonly Lazy<CompiledTemplate> _template = new(() => CompiledTemplate.Compile(Path.Combine(BicepCli.InfraDir, "main.bicep")));

    public CompiledTemplate Template => _template.Value;
}

[CollectionDefinition(Name)]
public sealed class CompiledMainCollection : ICollectionFixture<CompiledMainFixture>
{
    public const string Name = "compiled main.bicep";
}
