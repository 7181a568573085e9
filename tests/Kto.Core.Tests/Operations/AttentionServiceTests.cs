using Kto.Core.Backup;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Operations;
using Kto.Core.Tests.Backup;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Operations;

public sealed class AttentionServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryCompanyStore companies = new();
    private readonly List<DeliveryRecord> failed = [];
    private readonly List<MailRun> runs = [];
    private readonly MemoryArchive archive = new();
    private DateTimeOffset certificateValidUntil = Now.AddYears(1);

    private AttentionService Service(ISnapshotArchive? backups = null) =>
        new(companies, new FailedDeliveries(failed), new Runs(runs), backups ?? archive, new Certificate(() => certificateValidUntil), new FakeTimeProvider(Now));

    private void SnapshotAt(DateTimeOffset at)
    {
        var name = SnapshotNames.For(at);
        var manifest = new SnapshotManifest(SnapshotManifest.CurrentFormat, name, at, 0, [], []);
        archive.Open(name);
        archive.Snapshots[name].Files[SnapshotManifest.FileName] = manifest.ToJson();
    }

    [Fact]
    public async Task A_healthy_system_with_last_nights_backup_and_a_certificate_valid_for_a_year_needs_nothing()
    {
        SnapshotAt(Now.AddHours(-5));
        runs.Add(Run(MailRunStatus.Completed, MailJobResult.StopReasons.Throttled, Now.AddHours(-1)));
        Assert.Empty(await Service().ListAsync(default));
    }

    [Fact]
    public async Task Without_a_failed_ingest_the_company_list_is_not_read()
    {
        // The bureau overview asks for this list on every view and reads the companies itself.
        await companies.TryAddAsync(new Company("acme", "Acme Re-integratie", Now.AddYears(-1)), "hash", default);
        SnapshotAt(Now.AddHours(-5));
        Assert.Empty(await Service().ListAsync(default));
        Assert.Equal(0, companies.ListReads);

        failed.Add(new DeliveryRecord("acme", "h1", "oktober.csv", DeliveryStatus.Failed, 10, Now.AddDays(-2), Now.AddDays(-2)));
        Assert.Contains("Acme Re-integratie", Assert.Single(await Service().ListAsync(default)).Text);
        Assert.Equal(1, companies.ListReads);
    }

    [Fact]
    public async Task A_failed_ingest_of_the_last_week_names_the_file_and_the_company_and_links_to_its_deliveries()
    {
        await companies.TryAddAsync(new Company("acme", "Acme Re-integratie", Now.AddYears(-1)), "hash", default);
        SnapshotAt(Now.AddHours(-5));
        failed.Add(new DeliveryRecord("acme", "h1", "oktober.csv", DeliveryStatus.Failed, 10, Now.AddDays(-2), Now.AddDays(-2)));
        failed.Add(new DeliveryRecord("acme", "h0", "augustus.csv", DeliveryStatus.Failed, 10, Now.AddDays(-30), Now.AddDays(-30)));

        var item = Assert.Single(await Service().ListAsync(default));

        Assert.Equal(AttentionKind.IngestFailed, item.Kind);
        Assert.Equal("Levering oktober.csv van Acme Re-integratie is niet verwerkt", item.Text);
        Assert.Equal(Now.AddDays(-2), item.Since);
        Assert.Equal("/portal/companies/acme", item.Link);
    }

    [Fact]
    public async Task Mail_runs_that_failed_or_could_not_reach_the_mail_server_are_counted_since_the_first_but_a_throttled_or_old_run_is_not()
    {
        SnapshotAt(Now.AddHours(-5));
        runs.Add(Run(MailRunStatus.Failed, null, Now.AddHours(-3)));
        runs.Add(Run(MailRunStatus.Completed, MailJobResult.StopReasons.MailServerUnavailable, Now.AddDays(-1)));
        runs.Add(Run(MailRunStatus.Completed, MailJobResult.StopReasons.Throttled, Now.AddHours(-2)));
        runs.Add(Run(MailRunStatus.Failed, null, Now.AddDays(-8)));

        var item = Assert.Single(await Service().ListAsync(default));

        Assert.Equal(AttentionKind.MailRunFailed, item.Kind);
        Assert.StartsWith("2 mailruns", item.Text);
        Assert.Equal(Now.AddDays(-1), item.Since);
    }

    [Fact]
    public async Task A_backup_older_than_a_day_and_a_few_hours_or_none_at_all_or_no_backup_account_is_listed()
    {
        Assert.Equal("Er is nog geen nachtelijke back-up gemaakt", Assert.Single(await Service().ListAsync(default)).Text);

        SnapshotAt(Now - AttentionService.BackupMaxAge - TimeSpan.FromMinutes(1));
        var stale = Assert.Single(await Service().ListAsync(default));
        Assert.Equal((AttentionKind.BackupMissing, Now - AttentionService.BackupMaxAge - TimeSpan.FromMinutes(1)), (stale.Kind, stale.Since));

        SnapshotAt(Now - AttentionService.BackupMaxAge + TimeSpan.FromMinutes(1));
        Assert.Empty(await Service().ListAsync(default));

        var none = Assert.Single(await Service(new NoArchive()).ListAsync(default));
        Assert.Equal(AttentionKind.BackupMissing, none.Kind);
        Assert.Contains("geen back-upopslag ingesteld", none.Text);
    }

    [Fact]
    public async Task A_signing_certificate_that_ends_within_30_days_is_listed_with_its_end_and_an_ended_one_says_so()
    {
        SnapshotAt(Now.AddHours(-5));
        certificateValidUntil = Now + AttentionService.CertificateWarning + TimeSpan.FromHours(1);
        Assert.Empty(await Service().ListAsync(default));

        certificateValidUntil = Now + AttentionService.CertificateWarning - TimeSpan.FromHours(1);
        var soon = Assert.Single(await Service().ListAsync(default));
        Assert.Equal((AttentionKind.CertificateExpiring, certificateValidUntil), (soon.Kind, soon.Since));
        Assert.Contains("verloopt binnenkort", soon.Text);

        certificateValidUntil = Now.AddDays(-1);
        Assert.Contains("is verlopen", Assert.Single(await Service().ListAsync(default)).Text);
    }

    [Fact]
    // Rule: a failed ingest is listed since it ended (CompletedAt), or since it started when it never completed.
    public async Task A_failed_ingest_is_dated_by_its_end_else_by_its_start()
    {
        SnapshotAt(Now.AddHours(-5));
        failed.Add(new DeliveryRecord("acme", "h1", "ended.csv", DeliveryStatus.Failed, 10, Now.AddDays(-3), Now.AddDays(-2)));
        failed.Add(new DeliveryRecord("acme", "h2", "crashed.csv", DeliveryStatus.Failed, 10, Now.AddDays(-4), null));

        var items = await Service().ListAsync(default);

        Assert.Equal(Now.AddDays(-2), items.Single(i => i.Text.Contains("ended.csv")).Since);
        Assert.Equal(Now.AddDays(-4), items.Single(i => i.Text.Contains("crashed.csv")).Since);
        // A company nobody registered is named by its id.
        Assert.Equal("Levering crashed.csv van acme is niet verwerkt", items.Single(i => i.Text.Contains("crashed.csv")).Text);
    }

    [Fact]
    // Rule: a mail run that failed exactly one lookback ago is still listed (the week is inclusive), in the singular.
    public async Task One_mail_run_failed_exactly_a_week_ago_is_listed_in_the_singular()
    {
        SnapshotAt(Now.AddHours(-5));
        runs.Add(Run(MailRunStatus.Failed, null, Now - AttentionService.Lookback));

        var item = Assert.Single(await Service().ListAsync(default));

        Assert.Equal(AttentionKind.MailRunFailed, item.Kind);
        Assert.Equal("1 mailrun is mislukt of kon de mailserver niet bereiken", item.Text);
        Assert.Equal("2 mailruns zijn mislukt of konden de mailserver niet bereiken", (await TwoFailedRunsAsync()).Text);
    }

    private async Task<AttentionItem> TwoFailedRunsAsync()
    {
        runs.Add(Run(MailRunStatus.Failed, null, Now.AddHours(-1)));
        return Assert.Single(await Service().ListAsync(default));
    }

    [Fact]
    // Rule: a backup exactly BackupMaxAge old is still good enough; a stale one says it was not made (not that none exists).
    public async Task A_backup_of_exactly_the_max_age_is_fine_and_an_older_one_is_reported_as_not_made()
    {
        SnapshotAt(Now - AttentionService.BackupMaxAge);
        Assert.Empty(await Service().ListAsync(default));

        archive.Snapshots.Clear();
        SnapshotAt(Now - AttentionService.BackupMaxAge - TimeSpan.FromMinutes(1));
        Assert.Equal("De nachtelijke back-up is niet gemaakt", Assert.Single(await Service().ListAsync(default)).Text);
    }

    [Fact]
    // Rule: a certificate ending exactly at the warning window is listed as expiring; one ending right now is expired.
    public async Task The_certificate_window_and_its_expiry_are_inclusive()
    {
        SnapshotAt(Now.AddHours(-5));
        certificateValidUntil = Now + AttentionService.CertificateWarning;
        Assert.Contains("verloopt binnenkort", Assert.Single(await Service().ListAsync(default)).Text);

        certificateValidUntil = Now;
        Assert.Equal("Het certificaat waarmee rapporten worden ondertekend is verlopen", Assert.Single(await Service().ListAsync(default)).Text);
    }

    [Fact]
    // Rule: the list is ordered by kind (ingest, mail, backup, certificate) and within a kind newest first.
    public async Task Items_are_ordered_by_kind_then_newest_first()
    {
        failed.Add(new DeliveryRecord("acme", "h1", "old.csv", DeliveryStatus.Failed, 10, Now.AddDays(-3), Now.AddDays(-3)));
        failed.Add(new DeliveryRecord("acme", "h2", "new.csv", DeliveryStatus.Failed, 10, Now.AddDays(-1), Now.AddDays(-1)));
        runs.Add(Run(MailRunStatus.Failed, null, Now.AddHours(-2)));
        certificateValidUntil = Now.AddDays(1);

        var items = await Service().ListAsync(default);

        Assert.Equal(
            [AttentionKind.IngestFailed, AttentionKind.IngestFailed, AttentionKind.MailRunFailed, AttentionKind.BackupMissing, AttentionKind.CertificateExpiring],
            items.Select(i => i.Kind));
        Assert.Equal([Now.AddDays(-1), Now.AddDays(-3)], items.Take(2).Select(i => i.Since));
    }

    private static MailRun Run(string status, string? stopped, DateTimeOffset at) =>
        new($"run-{Guid.NewGuid():N}", MailJobNames.SendInvitations, at, MailRunTriggers.Timer, status, at, at, at, Stopped: stopped);

    private sealed class FailedDeliveries(List<DeliveryRecord> records) : IFailedDeliveries
    {
        public Task<IReadOnlyList<DeliveryRecord>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeliveryRecord>>(records.Where(r => (r.CompletedAt ?? r.StartedAt) >= since).ToList());
    }

    private sealed class Runs(List<MailRun> runs) : IMailRunLog
    {
        public Task SaveAsync(MailRun run, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MailRun>>(runs.OrderByDescending(r => r.StartedAt).Take(count).ToList());
    }

    private sealed class Certificate(Func<DateTimeOffset> validUntil) : ISigningCertificateExpiry
    {
        public Task<DateTimeOffset> ValidUntilAsync(CancellationToken cancellationToken) => Task.FromResult(validUntil());
    }

    private sealed class NoArchive : ISnapshotArchive
    {
        public bool Configured => false;
        public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
        public ISnapshotFiles Open(string name) => throw new NotSupportedException();
        public Task DeleteAsync(string name, IReadOnlyCollection<string>? paths, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
