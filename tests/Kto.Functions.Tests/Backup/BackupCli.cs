using Kto.Cli;
using Kto.Functions.Tests.Cli;

namespace Kto.Functions.Tests.Backup;

/// <summary>./kto backup and restore in process (the CLI's own entry point), against an Azurite and a KTO_DATA folder.</summary>
public static class BackupCli
{
    public static async Task<KtoCli.Result> RunAsync(string storage, string dataFolder, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = new CliSettings(new Uri("http://127.0.0.1:1"), "", TimeSpan.FromSeconds(120)) { Storage = storage, DataFolder = dataFolder };
        var exit = await KtoCommands.RunAsync(args, settings, stdout, stderr, interactive: false);
        return new KtoCli.Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A passphrase file (first line) for --passphrase-file.</summary>
    public static string PassphraseFile(string passphrase)
    {
        var path = TestTemp.File($"kto-pass-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, passphrase + "\n");
        return path;
    }

    /// <summary>A copy of a snapshot folder, to damage without touching the original.</summary>
    public static string Copy(string folder)
    {
        var copy = TestTemp.Folder("kto-snapshot-copy-");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
