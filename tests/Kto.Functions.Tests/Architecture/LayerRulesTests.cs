using System.Text.RegularExpressions;

namespace Kto.Functions.Tests.Architecture;

/// <summary>
/// The layers the README describes, checked on the code: Kto.Core knows no Azure type, and a function class reaches
/// the adapters only through Core's ports — only the composition root (Program.cs) names Kto.Infrastructure.
/// </summary>
public sealed partial class LayerRulesTests
{
    [Fact]
    public void Kto_Core_references_no_Azure_or_adapter_assembly()
    {
        var forbidden = typeof(Kto.Core.DutchTime).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Azure", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Azure", StringComparison.Ordinal)
                || name is "Kto.Infrastructure" or "Scriban.Signed" or "MailKit" or "ClosedXML")
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Only_the_composition_root_of_Kto_Functions_names_Kto_Infrastructure()
    {
        var folder = Path.Combine(RepoPaths.Root, "functions", "Kto.Functions");
        var offenders = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && Path.GetFileName(path) != "Program.cs")
            .Where(path => InfrastructureName().IsMatch(WithoutComments(File.ReadAllText(path))))
            .Select(path => Path.GetRelativePath(folder, path))
            .ToList();

        Assert.True(offenders.Count == 0, "Function classes naming Kto.Infrastructure: " + string.Join(", ", offenders));
        // The scan itself must see the composition root, or it proves nothing.
        Assert.Matches(InfrastructureName(), File.ReadAllText(Path.Combine(folder, "Program.cs")));
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string WithoutComments(string source) => Comment().Replace(source, "");

    [GeneratedRegex(@"\bKto\.Infrastructure\b")]
    private static partial Regex InfrastructureName();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
