using Kto.Core.Backup;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Backup;

/// <summary>
/// Restoring a snapshot that is not whole on purpose: one whose contact data retention dropped, and one without
/// keys restored with "without keys". What is allowed to be missing, and what the result counts.
/// </summary>
public sealed class PartialSnapshotRestoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 4, 20, 0, TimeSpan.Zero);

    private static async Task<MemorySnapshot> Snapshot(MemoryKeys? keys = null)
    {
        var snapshot = new MemorySnapshot();
        await new BackupService(BackupServiceTests.AYear(), new FakeTimeProvider(Now))
            .WriteAsync(new BackupRequest(snapshot, "kto-20261205-042000", keys, keys is null ? null : "correct horse battery"), default);
        return snapshot;
    }

    /// <summary>What retention leaves of a kept snapshot: no contact table, no letters, and the marker.</summary>
    private static async Task<MemorySnapshot> WithoutContactData()
    {
        var snapshot = await Snapshot();
        snapshot.Files.Remove("tables/contacts.jsonl");
        snapshot.Files.Remove("blobs/letters/acme/2026/batch.pdf");
        snapshot.Files[SnapshotManifest.PersonalDataDroppedFileName] = "{}"u8.ToArray();
        return snapshot;
    }

    [Fact]
    public async Task A_snapshot_without_its_contact_data_restores_and_counts_the_dropped_table_as_zero_rows()
    {
        var snapshot = await WithoutContactData();
        var check = await new RestoreService(new MemoryStackStorage()).CheckAsync(snapshot, default);
        Assert.True(check.Intact);
        Assert.True(check.PersonalDataDropped);

        var target = new MemoryStackStorage();
        var restored = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);

        Assert.Equal(RestoreOutcome.Restored, restored.Outcome);
        Assert.Equal(new Dictionary<string, long> { ["services"] = 1, ["contacts"] = 0 }, restored.Tables);
        Assert.Equal(new Dictionary<string, long> { ["reports"] = 1 }, restored.Containers);
        Assert.Empty(target.Blobs["letters"]);
    }

    [Fact]
    public async Task A_whole_snapshot_is_not_reported_as_one_without_contact_data()
    {
        var check = await new RestoreService(new MemoryStackStorage()).CheckAsync(await Snapshot(), default);
        Assert.True(check.Intact);
        Assert.False(check.PersonalDataDropped);
    }

    [Fact]
    public async Task Only_contact_data_may_be_missing_from_a_snapshot_without_it_a_missing_signed_report_is_damage()
    {
        var snapshot = await WithoutContactData();
        snapshot.Files.Remove("blobs/reports/2026/acme/v1/report.pdf");
        var target = new MemoryStackStorage();

        var refused = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot), default);

        Assert.Equal(RestoreOutcome.Damaged, refused.Outcome);
        Assert.Equal(["blobs/reports/2026/acme/v1/report.pdf is missing"], refused.Problems);
        Assert.Empty(await target.HoldingDataAsync(default));
    }

    [Fact]
    public async Task Without_keys_restores_the_data_of_a_snapshot_that_lacks_them_and_writes_no_key()
    {
        var snapshot = await Snapshot(); // as the nightly one in Azure: no keys
        var keys = new MemoryKeys();

        var missing = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: keys), default);
        Assert.Equal(RestoreOutcome.KeysMissing, missing.Outcome);
        Assert.Equal(3, missing.Problems.Count);

        var target = new MemoryStackStorage();
        var restored = await new RestoreService(target).RestoreAsync(new RestoreRequest(snapshot, Keys: keys, WithoutKeys: true), default);
        Assert.Equal(RestoreOutcome.Restored, restored.Outcome);
        Assert.Single(target.Rows["services"]);
        Assert.Empty(restored.KeysRestored);
        Assert.Empty(keys);
    }

    [Fact]
    public async Task Without_keys_leaves_the_local_keys_alone_even_when_the_snapshot_carries_them()
    {
        var snapshot = await Snapshot(new MemoryKeys
        {
            ["survey-form.key"] = "form"u8.ToArray(), ["portal-session.key"] = "session"u8.ToArray(), ["signing/bureau-signing.pfx"] = [1, 2, 3],
        });
        var keys = new MemoryKeys { ["survey-form.key"] = "this stack's own"u8.ToArray() };

        var restored = await new RestoreService(new MemoryStackStorage()).RestoreAsync(new RestoreRequest(snapshot, Keys: keys, WithoutKeys: true), default);

        Assert.Equal(RestoreOutcome.Restored, restored.Outcome);
        Assert.Empty(restored.KeysRestored);
        Assert.Equal("this stack's own"u8.ToArray(), Assert.Single(keys).Value);
    }
}
