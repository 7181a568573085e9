using System.Text.Json;
using Kto.Core.Backup;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Backup;

/// <summary>
/// Retention on its own: which old snapshots go, which one is kept without contact data, what the result names,
/// where the retention days end, and that incomplete and foreign entries are handled as the bureau expects.
/// </summary>
public sealed class SnapshotRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-35);

    private static async Task<string> Snapshot(MemoryArchive archive, DateTimeOffset at, int signed)
    {
        var storage = BackupServiceTests.AYear();
        storage.Signed = signed;
        var name = SnapshotNames.For(at);
        await new BackupService(storage, new FakeTimeProvider(at)).WriteAsync(new BackupRequest(archive.Open(name), name), default);
        return name;
    }

    private static SnapshotRetention Retention(MemoryArchive archive) => new(archive, new BackupSettings { RetentionDays = 35 });

    [Fact]
    public async Task The_result_names_each_snapshot_deleted_and_the_one_kept_without_contact_data()
    {
        var archive = new MemoryArchive();
        var old = await Snapshot(archive, Cutoff.AddDays(-3), signed: 0);
        var firstSigned = await Snapshot(archive, Cutoff.AddDays(-2), signed: 1);
        // A run that died part way (no manifest) past retention goes, and does not count as "no signed reports":
        // the snapshot after it holds no newly signed report, so it goes too.
        var died = SnapshotNames.For(Cutoff.AddDays(-1.5));
        ((MemorySnapshot)archive.Open(died)).Files["tables/services.jsonl"] = [1, 2, 3];
        var sameSigned = await Snapshot(archive, Cutoff.AddDays(-1), signed: 1);
        var recent = await Snapshot(archive, Cutoff.AddDays(10), signed: 1);

        var result = await Retention(archive).ApplyAsync(Now, default);

        Assert.Equal([old, died, sameSigned], result.Deleted);
        Assert.Equal([firstSigned], result.KeptWithoutContactData);
        Assert.Equal([firstSigned, recent], archive.Snapshots.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("tables/contacts.jsonl", archive.Snapshots[recent].Files.Keys); // within retention: untouched
    }

    [Fact]
    public async Task A_snapshot_exactly_the_retention_days_old_is_kept_whole_and_one_a_second_older_goes()
    {
        var archive = new MemoryArchive();
        var older = await Snapshot(archive, Cutoff.AddSeconds(-1), signed: 0);
        var atCutoff = await Snapshot(archive, Cutoff, signed: 0);

        var result = await Retention(archive).ApplyAsync(Now, default);

        Assert.Equal([older], result.Deleted);
        Assert.Empty(result.KeptWithoutContactData);
        Assert.Contains("tables/contacts.jsonl", archive.Snapshots[atCutoff].Files.Keys);
    }

    [Fact]
    public async Task The_contact_data_of_a_kept_snapshot_is_dropped_once_and_the_marker_keeps_the_day_it_happened()
    {
        var archive = new MemoryArchive();
        var kept = await Snapshot(archive, Cutoff.AddDays(-1), signed: 1);

        await Retention(archive).ApplyAsync(Now, default);
        var again = await Retention(archive).ApplyAsync(Now.AddDays(1), default);

        Assert.Equal([kept], again.KeptWithoutContactData);
        var marker = JsonDocument.Parse(archive.Snapshots[kept].Files[SnapshotManifest.PersonalDataDroppedFileName]);
        Assert.Equal("2026-12-05T04:00:00.0000000+00:00", marker.RootElement.GetProperty("droppedAt").GetString());
        Assert.Contains("blobs/reports/2026/acme/v1/report.pdf", archive.Snapshots[kept].Files.Keys);
    }

    [Fact]
    public async Task Entries_that_are_no_snapshot_of_ours_are_left_alone()
    {
        var archive = new MemoryArchive();
        ((MemorySnapshot)archive.Open("manual-copy")).Files["notes.txt"] = [1];
        ((MemorySnapshot)archive.Open("kto-old")).Files["notes.txt"] = [1];

        var result = await Retention(archive).ApplyAsync(Now, default);

        Assert.Empty(result.Deleted);
        Assert.Equal(["kto-old", "manual-copy"], archive.Snapshots.Keys.Order(StringComparer.Ordinal));
    }
}
