using System.Diagnostics;

namespace Kto.TestSupport;

/// <summary>
/// The one place tests write temporary files and folders: a folder of this test process under the system temp folder
/// (kto-tests-&lt;pid&gt;-&lt;random&gt;), deleted when the process exits. Folders left by a process that did not exit
/// normally (killed, crashed) are deleted by the next one. Tests that delete what they made still do; this catches the rest.
/// </summary>
public static class TestTemp
{
    private const string Prefix = "kto-tests-";

    /// <summary>This process's folder; made on first use.</summary>
    public static string Root { get; } = CreateRoot();

    /// <summary>A path for a file of this name in <see cref="Root"/> (not created). The name should be unique within the run.</summary>
    public static string File(string name) => Path.Combine(Root, name);

    /// <summary>A new, empty folder in <see cref="Root"/> named the prefix and a random part, like <see cref="Directory.CreateTempSubdirectory(string)"/>.</summary>
    public static string Folder(string prefix) => Directory.CreateDirectory(Path.Combine(Root, prefix + Path.GetRandomFileName().Replace(".", ""))).FullName;

    private static string CreateRoot()
    {
        DeleteLeftovers();
        var root = Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    /// <summary>Deletes the folders of earlier test processes that are no longer running.</summary>
    private static void DeleteLeftovers()
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                var pid = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
                if (int.TryParse(pid, out var id) && !IsRunning(id)) TryDelete(folder);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Deletes a file or folder; one still in use or already gone is left to the process-exit sweep.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else System.IO.File.Delete(path);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
