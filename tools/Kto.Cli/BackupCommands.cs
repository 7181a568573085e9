using System.CommandLine;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Core.Backup;
using Kto.Infrastructure.Backup;
using Spectre.Console;

namespace Kto.Cli;

/// <summary>
/// <c>./kto backup --out DIR</c> and <c>./kto restore DIR</c>: the backup and restore use cases of Kto.Core run
/// here directly against the stack's storage (KTO_STORAGE, which ./kto sets to the local Azurite), the same code the
/// nightly timer runs in Azure. The local keys under KTO_DATA travel sealed with a passphrase (KTO_BACKUP_PASSPHRASE,
/// --passphrase-file, or asked in a terminal).
/// </summary>
public sealed partial class KtoCommands
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private void AddBackupCommands(RootCommand root)
    {
        var output = new Option<string>("--out") { Required = true, Description = "the folder to write the snapshot to (new or empty)" };
        var backupNoKeys = new Option<bool>("--no-keys") { Description = "leave the local keys out (a restore then needs --no-keys too)" };
        var backupPassphrase = new Option<string?>("--passphrase-file") { Description = "a file whose first line is the passphrase that seals the keys" };
        var backup = new Command("backup", "write a snapshot of the stack (every table and container, the local keys sealed) to a folder")
            { output, backupNoKeys, backupPassphrase };
        backup.SetAction((r, ct) => Run(() => BackupAsync(r.GetValue(output)!, r.GetValue(backupNoKeys), r.GetValue(backupPassphrase), ct)));
        root.Add(backup);

        var folder = new Argument<string>("DIR");
        var force = new Option<bool>("--force") { Description = "restore into a stack that holds data (rows and files of the same keys are replaced)" };
        var restoreNoKeys = new Option<bool>("--no-keys") { Description = "restore the data without the keys (printed letter codes stop working)" };
        var restorePassphrase = new Option<string?>("--passphrase-file") { Description = "a file whose first line is the backup's passphrase" };
        var restore = new Command("restore", "check a snapshot against its manifest and load it into an empty stack, with its keys")
            { folder, force, restoreNoKeys, restorePassphrase };
        restore.SetAction((r, ct) => Run(() => RestoreAsync(r.GetValue(folder)!, r.GetValue(force), r.GetValue(restoreNoKeys), r.GetValue(restorePassphrase), ct)));
        root.Add(restore);
    }

    private async Task BackupAsync(string folder, bool noKeys, string? passphraseFile, CancellationToken ct)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new CliFailure($"{folder} is not empty: give a new or empty folder");
        var passphrase = noKeys ? null : Passphrase(passphraseFile, confirm: true);
        var storage = Storage();
        var service = new BackupService(storage, TimeProvider.System);
        var name = SnapshotNames.For(DateTimeOffset.UtcNow);
        var keys = noKeys ? null : new LocalKeyFolder(settings.DataFolder);
        var manifest = await service.WriteAsync(new BackupRequest(new FolderSnapshot(folder), name, keys, passphrase), ct);
        var missingKeys = keys?.Expected.Where(k => !manifest.Keys.Contains(k.Name)).Select(k => k.Name).ToList() ?? [];
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            snapshot = name, folder = Path.GetFullPath(folder), manifest.CreatedAt, tables = manifest.TableCounts, containers = manifest.BlobCounts,
            keys = manifest.Keys, manifest.SignedReports, manifest.Bytes,
        }, Indented));
        stderr.WriteLine($"kto: backup {name}: {manifest.TableCounts.Values.Sum()} rows in {manifest.TableCounts.Count} tables, " +
                         $"{manifest.BlobCounts.Values.Sum()} files, {manifest.Bytes:N0} bytes, keys: {(manifest.Keys.Count == 0 ? "none" : string.Join(", ", manifest.Keys))}");
        if (missingKeys.Count > 0)
            stderr.WriteLine($"kto: not in {settings.DataFolder}, so not in the backup: {string.Join(", ", missingKeys)}");
    }

    private async Task RestoreAsync(string folder, bool force, bool noKeys, string? passphraseFile, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new CliFailure($"no such folder: {folder}");
        var snapshot = new FolderSnapshot(folder);
        var keys = new LocalKeyFolder(settings.DataFolder);
        // Ask for the passphrase only when the snapshot carries keys.
        var manifest = await SnapshotRetention.ReadManifestAsync(snapshot, ct);
        var passphrase = noKeys || manifest is null || manifest.Keys.Count == 0 ? null : Passphrase(passphraseFile, confirm: false);
        var result = await new RestoreService(Storage()).RestoreAsync(new RestoreRequest(snapshot, force, keys, passphrase, noKeys), ct);
        if (result.Outcome != RestoreOutcome.Restored)
        {
            var why = result.Outcome switch
            {
                RestoreOutcome.Damaged => "the snapshot is damaged, nothing was restored",
                RestoreOutcome.NotEmpty => "the stack is not empty, nothing was restored (--force restores over it)",
                RestoreOutcome.KeysMissing => "the snapshot lacks keys, nothing was restored (--no-keys restores the data without them)",
                RestoreOutcome.PassphraseNeeded => "the passphrase is needed (KTO_BACKUP_PASSPHRASE or --passphrase-file)",
                _ => "the passphrase does not open the snapshot's keys, nothing was restored",
            };
            stderr.WriteLine($"kto: restore refused: {why}");
            foreach (var problem in result.Problems) stderr.WriteLine("kto:   " + problem);
            throw new CliFailure();
        }
        stdout.WriteLine(JsonSerializer.Serialize(new
        {
            snapshot = result.Manifest!.Name, result.Manifest.CreatedAt, tables = result.Tables, containers = result.Containers, keys = result.KeysRestored,
        }, Indented));
        stderr.WriteLine($"kto: restored {result.Manifest.Name}: {result.Tables.Values.Sum()} rows in {result.Tables.Count} tables, {result.Containers.Values.Sum()} files");
        if (result.KeysRestored.Count > 0)
            stderr.WriteLine($"kto: keys put back in {settings.DataFolder}: {string.Join(", ", result.KeysRestored)}; restart ./kto up so the host uses them");
    }

    private StackStorage Storage()
    {
        if (string.IsNullOrWhiteSpace(settings.Storage)) throw new CliFailure("no storage: set KTO_STORAGE (./kto sets it to the local Azurite)");
        return new StackStorage(new BlobServiceClient(settings.Storage), new TableServiceClient(settings.Storage));
    }

    /// <summary>KTO_BACKUP_PASSPHRASE, else the first line of --passphrase-file, else asked (twice for a backup) in a terminal.</summary>
    private string Passphrase(string? file, bool confirm)
    {
        if (file is not null)
        {
            if (!File.Exists(file)) throw new CliFailure($"no such file: {file}");
            return Checked(File.ReadLines(file).FirstOrDefault() ?? "");
        }
        if (Environment.GetEnvironmentVariable("KTO_BACKUP_PASSPHRASE") is { Length: > 0 } fromEnvironment) return Checked(fromEnvironment);
        if (!interactive)
            throw new CliFailure("a passphrase seals the local keys: set KTO_BACKUP_PASSPHRASE or give --passphrase-file FILE (or --no-keys)");
        var console = Console();
        var typed = console.Prompt(new TextPrompt<string>("Passphrase for the keys:").Secret());
        if (confirm && console.Prompt(new TextPrompt<string>("Once more:").Secret()) != typed) throw new CliFailure("the passphrases differ");
        return Checked(typed);
    }

    private static string Checked(string passphrase) =>
        passphrase.Length >= 12 ? passphrase : throw new CliFailure("the passphrase must have at least 12 characters");
}
