using Kto.Core.Backup;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Backup;

/// <summary>The nightly snapshot: once per night from the set hour, and retention that keeps the first snapshot of each new signature without contact data.</summary>
public sealed class NightlyBackupTests
{
    [Fact]
    public async Task One_snapshot_a_night_from_the_set_hour_and_none_before_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 3, 20, 0, TimeSpan.Zero));
        var archive = new MemoryArchive();
        var settings = new BackupSettings { AtHourUtc = 4, RetentionDays = 35 };
        var nightly = Nightly(BackupServiceTests.AYear(), archive, settings, time);

        // 03:20: the night before's snapshot is due (none exists yet), so one is written; at 04:20 today's is due.
        Assert.Equal(NightlyBackupStatus.Written, (await nightly.RunAsync(default)).Status);
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(NightlyBackupStatus.AlreadyTaken, (await nightly.RunAsync(default)).Status);
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(NightlyBackupStatus.Written, (await nightly.RunAsync(default)).Status);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(NightlyBackupStatus.AlreadyTaken, (await nightly.RunAsync(default)).Status);
        Assert.Equal(2, archive.Snapshots.Count);
    }

    [Fact]
    public async Task At_the_set_hour_exactly_the_night_s_snapshot_is_due()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 3, 20, 0, TimeSpan.Zero));
        var archive = new MemoryArchive();
        var nightly = Nightly(BackupServiceTests.AYear(), archive, new BackupSettings { AtHourUtc = 4, RetentionDays = 35 }, time);
        Assert.Equal(NightlyBackupStatus.Written, (await nightly.RunAsync(default)).Status);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 5, 4, 0, 0, TimeSpan.Zero));
        Assert.Equal(NightlyBackupStatus.Written, (await nightly.RunAsync(default)).Status);
        Assert.Equal(2, archive.Snapshots.Count);
    }

    [Fact]
    public async Task A_snapshot_started_at_the_set_hour_exactly_is_the_night_s_one_for_later_runs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 4, 0, 0, TimeSpan.Zero));
        var archive = new MemoryArchive();
        var nightly = Nightly(BackupServiceTests.AYear(), archive, new BackupSettings { AtHourUtc = 4, RetentionDays = 35 }, time);
        Assert.Equal(NightlyBackupStatus.Written, (await nightly.RunAsync(default)).Status);

        time.Advance(TimeSpan.FromHours(1));
        var later = await nightly.RunAsync(default);
        Assert.Equal(NightlyBackupStatus.AlreadyTaken, later.Status);
        Assert.Equal("kto-20261205-040000", later.Manifest!.Name);
        Assert.Single(archive.Snapshots);
    }

    [Fact]
    public async Task A_run_that_died_part_way_is_followed_by_a_whole_snapshot_under_a_new_name()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 5, 0, 0, TimeSpan.Zero));
        var archive = new MemoryArchive();
        ((MemorySnapshot)archive.Open("kto-20261205-040000")).Files["tables/services.jsonl"] = [1, 2, 3]; // no manifest
        var nightly = Nightly(BackupServiceTests.AYear(), archive, new BackupSettings { AtHourUtc = 4, RetentionDays = 35 }, time);

        var result = await nightly.RunAsync(default);

        Assert.Equal(NightlyBackupStatus.Written, result.Status);
        Assert.Equal("kto-20261205-050000", result.Manifest!.Name);
        Assert.Contains(SnapshotManifest.FileName, archive.Snapshots["kto-20261205-050000"].Files.Keys);
        Assert.Equal("kto-20261205-050000", (await nightly.LatestAsync(default))!.Name);
    }

    [Fact]
    public async Task An_entry_in_the_archive_that_is_no_snapshot_does_not_hide_the_night_s_snapshot()
    {
        // Names are searched newest first; "manual-copy" (here a hand copy of an older snapshot) sorts above every "kto-…" name. Retention and the latest
        // snapshot pass over such entries; the hourly run must too, or it writes a whole snapshot every hour.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 4, 20, 0, TimeSpan.Zero));
        var archive = new MemoryArchive();
        var copied = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        await new BackupService(BackupServiceTests.AYear(), copied).WriteAsync(new BackupRequest(archive.Open("manual-copy"), "kto-20261201-040000"), default);
        var nightly = Nightly(BackupServiceTests.AYear(), archive, new BackupSettings { AtHourUtc = 4, RetentionDays = 35 }, time);
        Assert.Equal(NightlyBackupStatus.Written, (await nightly.RunAsync(default)).Status); // a copy of an older night is not tonight's

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(NightlyBackupStatus.AlreadyTaken, (await nightly.RunAsync(default)).Status);
        Assert.Equal(2, archive.Snapshots.Count); // the night's one and the foreign entry
    }

    [Fact]
    public async Task Without_a_backup_account_nothing_is_written()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 4, 20, 0, TimeSpan.Zero));
        var archive = new MemoryArchive { Configured = false };
        var nightly = Nightly(BackupServiceTests.AYear(), archive, new BackupSettings(), time);

        var result = await nightly.RunAsync(default);

        Assert.Equal(new NightlyBackupResult(NightlyBackupStatus.NotConfigured, null, null), result);
        Assert.Empty(archive.Snapshots);
    }

    [Fact]
    public async Task Retention_drops_old_snapshots_but_keeps_the_first_with_a_new_signed_report_without_its_contact_data()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 4, 20, 0, TimeSpan.Zero));
        var archive = new MemoryArchive();
        var settings = new BackupSettings { AtHourUtc = 4, RetentionDays = 35 };
        var storage = BackupServiceTests.AYear();
        storage.Signed = 0;
        var nightly = Nightly(storage, archive, settings, time);

        var names = new List<string>();
        SnapshotRetentionResult? dropped = null;
        for (var day = 0; day < 60; day++)
        {
            if (day == 3) storage.Signed = 1; // a report signed on the fourth day
            var result = await nightly.RunAsync(default);
            Assert.Equal(NightlyBackupStatus.Written, result.Status);
            dropped = result.Retention;
            names.Add(result.Manifest!.Name);
            time.Advance(TimeSpan.FromDays(1));
        }

        // 60 nights, 35 days kept: the 25 oldest past retention, of which only the fourth night's is kept.
        var kept = names[3];
        // The sixtieth night's retention: the night 35 days and a bit back goes, the fourth night's is still kept.
        Assert.Equal([names[23]], dropped!.Deleted);
        Assert.Equal([kept], dropped.KeptWithoutContactData);
        Assert.Equal(36 + 1, archive.Snapshots.Count);
        Assert.Contains(kept, archive.Snapshots.Keys);
        Assert.DoesNotContain(names[2], archive.Snapshots.Keys);
        Assert.DoesNotContain(names[4], archive.Snapshots.Keys);
        var files = archive.Snapshots[kept].Files;
        Assert.DoesNotContain("tables/contacts.jsonl", files.Keys);
        Assert.DoesNotContain(files.Keys, f => f.StartsWith("blobs/letters/", StringComparison.Ordinal));
        Assert.Contains("blobs/reports/2026/acme/v1/report.pdf", files.Keys);
        Assert.Contains(SnapshotManifest.PersonalDataDroppedFileName, files.Keys);

        // It still restores: the signed report and the pseudonymous rows, without the contact data.
        var target = new MemoryStackStorage();
        var restored = await new RestoreService(target).RestoreAsync(new RestoreRequest(archive.Open(kept)), default);
        Assert.Equal(RestoreOutcome.Restored, restored.Outcome);
        Assert.Single(target.Rows["services"]);
        Assert.Empty(target.Rows["contacts"]);
        Assert.Single(target.Blobs["reports"]);
    }

    private static NightlyBackupService Nightly(MemoryStackStorage storage, MemoryArchive archive, BackupSettings settings, TimeProvider time) =>
        new(new BackupService(storage, time), archive, new SnapshotRetention(archive, settings), settings, time);
}
