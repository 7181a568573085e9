using System.Text;
using Kto.Core.Backup;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Backup;

/// <summary>The backup and restore use cases on in-memory storage: round trip with types, checks, keys, the empty rule.</summary>
public sealed class BackupServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 4, 20, 0, TimeSpan.Zero);

    public static MemoryStackStorage AYear()
    {
        var storage = new MemoryStackStorage { Signed = 1 };
        storage.Rows["services"].Add(new BackupEntity("acme_2026", "s1", [
            new("Perceel", BackupValueTypes.String, "Naar werk"),
            new("Steps", BackupValueTypes.Int32, "2"),
            new("Ticks", BackupValueTypes.Int64, "9007199254740993"),
            new("Grade", BackupValueTypes.Double, "7.5"),
            new("Responded", BackupValueTypes.Boolean, "true"),
            new("EndedAt", BackupValueTypes.DateTime, "2026-03-31T00:00:00.0000001Z"),
        ]));
        storage.Rows["contacts"].Add(new BackupEntity("acme_2026", "s1", [new("Naam", BackupValueTypes.String, "P. de Vries")]));
        storage.Blobs["reports"]["2026/acme/v1/report.pdf"] = Encoding.ASCII.GetBytes("%PDF-1.7 signed");
        storage.Blobs["letters"]["acme/2026/batch.pdf"] = Encoding.ASCII.GetBytes("%PDF-1.7 letters");
        return storage;
    }

    [Fact]
    public async Task A_snapshot_restored_into_an_empty_stack_gives_back_every_row_with_its_types_and_every_blob()
    {
        var source = AYear();
        var snapshot = new MemorySnapshot();
        var manifest = await new BackupService(source, new FakeTimeProvider(Now)).WriteAsync(new BackupRequest(snapshot, "kto-20261205-042000"), default);

        Assert.Equal(1, manifest.TableCounts["services"]);
        Assert.Equal(1, manifest.BlobCounts["letters"]);
        Assert.Equal(1, manifest.SignedReports);
        Assert.True(manifest.Files.Single(f => f.Set == "contacts").Personal);
        Assert.False(manifest.Files.Single(f => f.Set == "services").Personal);

        var target = new MemoryStackStorage();
        var result = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);

        Assert.Equal(RestoreOutcome.Restored, result.Outcome);
        Assert.Equal(source.Rows["services"].Single(), target.Rows["services"].Single(), new EntityComparer());
        Assert.Equal(source.Blobs["reports"]["2026/acme/v1/report.pdf"], target.Blobs["reports"]["2026/acme/v1/report.pdf"]);
        Assert.Equal(1, result.Tables["contacts"]);
        Assert.Equal(1, result.Containers["letters"]);
    }

    [Fact]
    public async Task A_changed_byte_a_missing_file_or_no_manifest_is_refused_naming_the_file_and_nothing_is_written()
    {
        var snapshot = new MemorySnapshot();
        await new BackupService(AYear(), new FakeTimeProvider(Now)).WriteAsync(new BackupRequest(snapshot, "x"), default);
        var target = new MemoryStackStorage();

        snapshot.Files["tables/services.jsonl"][10] ^= 1;
        snapshot.Files.Remove("blobs/letters/acme/2026/batch.pdf");
        var damaged = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);
        Assert.Equal(RestoreOutcome.Damaged, damaged.Outcome);
        Assert.Contains(damaged.Problems, p => p.StartsWith("tables/services.jsonl was changed", StringComparison.Ordinal));
        Assert.Contains("blobs/letters/acme/2026/batch.pdf is missing", damaged.Problems);
        Assert.Empty(await target.HoldingDataAsync(default));

        snapshot.Files.Remove(SnapshotManifest.FileName);
        var incomplete = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);
        Assert.Equal(RestoreOutcome.Damaged, incomplete.Outcome);
        Assert.StartsWith("manifest.json is missing", incomplete.Problems.Single());
    }

    [Fact]
    public async Task A_stack_holding_data_is_refused_unless_forced()
    {
        var snapshot = new MemorySnapshot();
        await new BackupService(AYear(), new FakeTimeProvider(Now)).WriteAsync(new BackupRequest(snapshot, "x"), default);
        var target = new MemoryStackStorage();
        target.Rows["services"].Add(new BackupEntity("other_2026", "s9", []));

        var refused = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);
        Assert.Equal(RestoreOutcome.NotEmpty, refused.Outcome);
        Assert.Equal(["table services holds data"], refused.Problems);
        Assert.Single(target.Rows["services"]);

        var forced = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot, Force: true), default);
        Assert.Equal(RestoreOutcome.Restored, forced.Outcome);
        Assert.Equal(2, target.Rows["services"].Count); // the snapshot's row added, the other one left
    }

    [Fact]
    public async Task Keys_travel_sealed_and_a_restore_names_the_keys_a_snapshot_lacks()
    {
        var keys = new MemoryKeys { ["survey-form.key"] = "form"u8.ToArray(), ["portal-session.key"] = "session"u8.ToArray() };
        var snapshot = new MemorySnapshot();
        await new BackupService(AYear(), new FakeTimeProvider(Now)).WriteAsync(new BackupRequest(snapshot, "x", keys, "correct horse battery"), default);
        Assert.DoesNotContain("form", Encoding.Latin1.GetString(snapshot.Files[BackupService.KeysPath]));

        var target = new MemoryKeys();
        var missing = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: target, Passphrase: "correct horse battery"), default);
        Assert.Equal(RestoreOutcome.KeysMissing, missing.Outcome);
        Assert.Contains(missing.Problems, p => p.StartsWith("signing/bureau-signing.pfx", StringComparison.Ordinal));

        keys["signing/bureau-signing.pfx"] = [1, 2, 3];
        snapshot = new MemorySnapshot();
        await new BackupService(AYear(), new FakeTimeProvider(Now)).WriteAsync(new BackupRequest(snapshot, "x", keys, "correct horse battery"), default);
        var wrong = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: target, Passphrase: "wrong horse battery"), default);
        Assert.Equal(RestoreOutcome.WrongPassphrase, wrong.Outcome);
        Assert.Empty(target);

        var restored = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: target, Passphrase: "correct horse battery"), default);
        Assert.Equal(RestoreOutcome.Restored, restored.Outcome);
        Assert.Equal("form"u8.ToArray(), target["survey-form.key"]);
        Assert.Equal([1, 2, 3], target["signing/bureau-signing.pfx"]);
    }

    private sealed class EntityComparer : IEqualityComparer<BackupEntity>
    {
        public bool Equals(BackupEntity? x, BackupEntity? y) =>
            x!.PartitionKey == y!.PartitionKey && x.RowKey == y.RowKey && x.Properties.SequenceEqual(y.Properties);

        public int GetHashCode(BackupEntity obj) => obj.RowKey.GetHashCode();
    }
}

/// <summary>Local keys in memory, expecting the three ./kto up keeps.</summary>
public sealed class MemoryKeys : Dictionary<string, byte[]>, ILocalKeys
{
    public IReadOnlyList<LocalKey> Expected { get; } =
        [new("survey-form.key", "form key"), new("portal-session.key", "session key"), new("signing/bureau-signing.pfx", "certificate")];

    public Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, byte[]>>(new Dictionary<string, byte[]>(this));

    public Task WriteAsync(IReadOnlyDictionary<string, byte[]> keys, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in keys) this[name] = value;
        return Task.CompletedTask;
    }
}
