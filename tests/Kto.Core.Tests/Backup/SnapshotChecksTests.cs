using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Kto.Core.Backup;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Backup;

/// <summary>
/// What a restore refuses and why, before anything is written: a damaged or foreign manifest, a path out of the
/// snapshot, damaged sealed keys, a missing passphrase, a damaged row; and that a large table comes back whole.
/// </summary>
public sealed class SnapshotChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 4, 20, 0, TimeSpan.Zero);
    private const string Passphrase = "correct horse battery";

    private static MemoryKeys AllKeys() => new()
    {
        ["survey-form.key"] = "form"u8.ToArray(), ["portal-session.key"] = "session"u8.ToArray(), ["signing/bureau-signing.pfx"] = [1, 2, 3],
    };

    private static async Task<MemorySnapshot> Snapshot(MemoryStackStorage? storage = null, MemoryKeys? keys = null)
    {
        var snapshot = new MemorySnapshot();
        await new BackupService(storage ?? BackupServiceTests.AYear(), new FakeTimeProvider(Now))
            .WriteAsync(new BackupRequest(snapshot, "kto-20261205-042000", keys, keys is null ? null : Passphrase), default);
        return snapshot;
    }

    private static void EditManifest(MemorySnapshot snapshot, Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(snapshot.Files[SnapshotManifest.FileName])!.AsObject();
        edit(manifest);
        snapshot.Files[SnapshotManifest.FileName] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    [Fact]
    public async Task The_sealed_keys_are_listed_in_the_manifest_so_a_damaged_key_file_reads_as_damaged_not_as_a_wrong_passphrase()
    {
        var snapshot = await Snapshot(keys: AllKeys());
        var manifest = SnapshotManifest.Read(snapshot.Files[SnapshotManifest.FileName])!;
        Assert.Equal(["portal-session.key", "signing/bureau-signing.pfx", "survey-form.key"], manifest.Keys);
        var listed = Assert.Single(manifest.Files, f => f.Path == BackupService.KeysPath);
        Assert.Equal((SnapshotFile.KeysKind, 3L, false), (listed.Kind, listed.Count, listed.Personal));

        snapshot.Files[BackupService.KeysPath][^1] ^= 1;
        var target = new MemoryKeys();
        var refused = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: target, Passphrase: Passphrase), default);

        Assert.Equal(RestoreOutcome.Damaged, refused.Outcome);
        Assert.Contains(refused.Problems, p => p.StartsWith($"{BackupService.KeysPath} was changed", StringComparison.Ordinal));
        Assert.Empty(target);
    }

    [Fact]
    public async Task Without_a_passphrase_sealed_keys_are_not_restored_and_nothing_is_written()
    {
        var snapshot = await Snapshot(keys: AllKeys());
        var storage = new MemoryStackStorage();
        var refused = await new RestoreService(storage).RestoreAsync(new RestoreRequest(snapshot, Keys: new MemoryKeys()), default);

        Assert.Equal(RestoreOutcome.PassphraseNeeded, refused.Outcome);
        Assert.Contains("passphrase", Assert.Single(refused.Problems));
        Assert.Empty(await storage.HoldingDataAsync(default));
    }

    [Fact]
    public async Task A_wrong_passphrase_is_named_with_the_key_file()
    {
        var snapshot = await Snapshot(keys: AllKeys());
        var refused = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: new MemoryKeys(), Passphrase: "wrong"), default);
        Assert.Equal(RestoreOutcome.WrongPassphrase, refused.Outcome);
        Assert.Equal($"{BackupService.KeysPath} does not open with this passphrase", Assert.Single(refused.Problems));
    }

    [Fact]
    public async Task A_backup_with_keys_but_no_passphrase_writes_nothing()
    {
        var snapshot = new MemorySnapshot();
        var service = new BackupService(BackupServiceTests.AYear(), new FakeTimeProvider(Now));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => service.WriteAsync(new BackupRequest(snapshot, "x", AllKeys(), ""), default));
        Assert.Contains("passphrase", refused.Message); // ./kto backup shows it: the bureau must learn what to add
        Assert.Empty(snapshot.Files);
    }

    [Fact]
    public async Task Restored_keys_are_named_in_order()
    {
        var snapshot = await Snapshot(keys: AllKeys());
        var restored = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: new MemoryKeys(), Passphrase: Passphrase), default);
        Assert.Equal(["portal-session.key", "signing/bureau-signing.pfx", "survey-form.key"], restored.KeysRestored);
    }

    [Theory]
    [InlineData("../outside.jsonl")]
    [InlineData("/etc/passwd")]
    [InlineData("tables/../../outside")]
    [InlineData("tables\\services.jsonl")]
    [InlineData("tables//services.jsonl")]
    [InlineData("tables/./services.jsonl")]
    [InlineData("")]
    public async Task A_manifest_naming_a_path_outside_the_snapshot_is_refused_and_that_path_never_opened(string path)
    {
        var snapshot = await Snapshot();
        EditManifest(snapshot, manifest =>
        {
            var file = JsonNode.Parse(manifest["files"]![0]!.ToJsonString())!.AsObject();
            file["path"] = path;
            manifest["files"]!.AsArray().Add(file);
        });
        snapshot.Files[path] = snapshot.Files["tables/services.jsonl"]; // were it opened, it would check out

        var refused = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot), default);

        Assert.Equal(RestoreOutcome.Damaged, refused.Outcome);
        Assert.Equal($"{path}: not a path inside the snapshot", Assert.Single(refused.Problems));
        Assert.DoesNotContain(path, snapshot.Opened);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"format\":\"kto-snapshot/0\",\"name\":\"x\",\"keys\":[],\"files\":[]}")]
    [InlineData("{\"format\":\"kto-snapshot/1\",\"name\":\"x\"}")]
    [InlineData("{\"format\":\"kto-snapshot/1\",\"name\":\"x\",\"files\":[]}")]
    [InlineData("{\"format\":\"kto-snapshot/1\",\"name\":\"x\",\"keys\":[]}")]
    public async Task A_manifest_of_another_format_or_none_at_all_is_refused(string text)
    {
        var snapshot = await Snapshot();
        snapshot.Files[SnapshotManifest.FileName] = Encoding.UTF8.GetBytes(text);
        var check = await new RestoreService(new MemoryStackStorage()).CheckAsync(snapshot, default);
        Assert.False(check.Intact);
        Assert.Equal($"manifest.json is not a manifest of {SnapshotManifest.CurrentFormat}", Assert.Single(check.Problems));
    }

    [Fact]
    public async Task A_table_larger_than_one_write_comes_back_whole()
    {
        var storage = new MemoryStackStorage();
        for (var i = 0; i < 1234; i++)
            storage.Rows["services"].Add(new BackupEntity("acme_2026", $"s{i:D5}", [new("Steps", BackupValueTypes.Int32, $"{i % 4}")]));
        var snapshot = await Snapshot(storage);

        var target = new MemoryStackStorage();
        var restored = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);

        Assert.Equal(1234, restored.Tables["services"]);
        Assert.Equal(storage.Rows["services"].Select(r => r.RowKey).Order(), target.Rows["services"].Select(r => r.RowKey).Order());
    }

    [Theory]
    [InlineData("{\"partitionKey\":\"p\"}", "line 2 is not a row")]
    [InlineData("[1,2]", "line 2 is not a row")]
    [InlineData("{ broken", "line 2 is not a row")]
    [InlineData("{\"partitionKey\":\"p\",\"rowKey\":\"r\",\"properties\":{\"A\":{\"type\":\"Edm.Decimal\",\"value\":\"x\"}}}", "line 2: unknown type Edm.Decimal")]
    public async Task A_row_that_is_none_is_named_by_its_line_and_empty_lines_are_passed_over(string line, string message)
    {
        var good = "{\"partitionKey\":\"p\",\"rowKey\":\"r\",\"properties\":{\"A\":{\"type\":\"Edm.String\",\"value\":\"x\"}}}";
        var read = SnapshotTableFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes($"{good}\n{line}\n")), default);
        var failed = await Assert.ThrowsAsync<FormatException>(async () => await read.ToListAsync());
        Assert.StartsWith(message, failed.Message);

        var rows = await SnapshotTableFile.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes($"\n{good}\n\n{good}\n")), default).ToListAsync();
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Sealed_keys_cut_short_or_with_iterations_out_of_range_do_not_open()
    {
        var keys = new Dictionary<string, byte[]> { ["survey-form.key"] = [1, 2, 3] };
        var bundle = KeyBundle.Seal(keys, Passphrase, iterations: 100_000);
        Assert.Equal([1, 2, 3], KeyBundle.Open(bundle, Passphrase)!["survey-form.key"]); // the lowest count accepted

        // "KTOKEYS1", salt 16, iterations 4, nonce 12, tag 16: one byte short of a header is no bundle (and no crash).
        Assert.Null(KeyBundle.Open(bundle[..(8 + 16 + 4 + 12 + 16 - 1)], Passphrase));
        Assert.Null(KeyBundle.Open(bundle[..8], Passphrase));

        foreach (var iterations in new[] { 99_999, 10_000_001, -1 })
        {
            var changed = bundle.ToArray();
            BinaryPrimitives.WriteInt32BigEndian(changed.AsSpan(8 + 16), iterations);
            Assert.Null(KeyBundle.Open(changed, Passphrase));
        }
    }

    [Fact]
    public void Sealed_keys_under_another_header_do_not_open()
    {
        var bundle = KeyBundle.Seal(new Dictionary<string, byte[]> { ["survey-form.key"] = [1, 2, 3] }, Passphrase, iterations: 100_000);
        bundle[0] = (byte)'X'; // the rest still decrypts: only the header says it is no key bundle of this format
        Assert.Null(KeyBundle.Open(bundle, Passphrase));
    }
}
