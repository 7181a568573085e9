namespace Kto.TestSupport;

/// <summary>Finds the repository root (where KtoFunctions.sln is) from the test's or benchmark's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KtoFunctions.sln"))) return dir.FullName;
        throw new InvalidOperationException("KtoFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
