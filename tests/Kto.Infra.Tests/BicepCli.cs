using System.Diagnostics;
using System.Reflection;
using Kto.TestSupport;

namespace Kto.Infra.Tests;

/// <summary>The real bicep binary from the Azure.Bicep.CommandLine.linux-x64 NuGet package (restored by PackageDownload).</summary>
public static class BicepCli
{
    public const string PackageId = "azure.bicep.commandline.linux-x64";
    public const string Version = "0.49.2";

    private static readonly Lazy<string> Binary = new(FindBinary);

    public static string Path => Binary.Value;

    /// <summary>The repository root (the folder holding infra-bicep/).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string InfraDir => System.IO.Path.Combine(RepoRoot, "infra-bicep");

    public static BicepResult Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} took longer than 3 minutes");
        }
        return new BicepResult(process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindBinary()
    {
        var roots = new List<string?>
        {
            typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value,
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        foreach (var root in roots.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var candidate = System.IO.Path.Combine(root!, PackageId, Version, "tools", "bicep");
            if (!File.Exists(candidate)) continue;
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(candidate);
                if (!mode.HasFlag(UnixFileMode.UserExecute))
                    File.SetUnixFileMode(candidate, mode | UnixFileMode.UserExecute);
            }
            return candidate;
        }
        throw new FileNotFoundException(
            $"bicep {Version} not found in the NuGet global packages folder ({string.Join(", ", roots.Where(r => r is not null))}); " +
            "run dotnet restore tests/Kto.Infra.Tests");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "infra-bicep")) &&
                File.Exists(System.IO.Path.Combine(dir.FullName, "Directory.Packages.props")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("No folder above the test output holds infra-bicep/");
    }
}

public sealed record BicepResult(int ExitCode, string Output)
{
    /// <summary>Diagnostic lines bicep printed ("file(line,col) : Warning CODE: ..." or Error).</summary>
    public IReadOnlyList<string> Diagnostics =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(" : Warning ", StringComparison.Ordinal) || l.Contains(" : Error ", StringComparison.Ordinal)
                        || l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal))
            .ToList();

    public bool HasWarningOrError => Diagnostics.Count > 0 || Output.Contains("Warning", StringComparison.Ordinal);
}

/// <summary>A temporary folder outside the repository (in the test run's <see cref="TestTemp"/> folder), deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = TestTemp.Folder("kto-infra-");

    /// <summary>Copies infra-bicep into this folder (to try a changed template without touching the repo).</summary>
    public string CopyInfra()
    {
        var target = System.IO.Path.Combine(Path, "infra-bicep");
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraDir, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(BicepCli.InfraDir, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
