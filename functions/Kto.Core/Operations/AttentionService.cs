using Kto.Core.Portal;
using Kto.Core.Backup;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;

namespace Kto.Core.Operations;

/// <summary>
/// The bureau overview's "Aandacht nodig" list: failed ingests and mail runs of the last week, a backup that did not
/// run, a signing certificate close to its end. One place for these conditions; infra-bicep's alerts watch the same
/// ones in Azure (a function that fails repeatedly is only an Azure alert: the worker does not count its own crashes).
/// </summary>
public sealed class AttentionService(
    ICompanyStore companies,
    IFailedDeliveries failedDeliveries,
    IMailRunLog mailRuns,
    ISnapshotArchive archive,
    ISigningCertificateExpiry certificate,
    TimeProvider time)
{
    /// <summary>How far back failed ingests and mail runs are listed: after a week a person has seen them or the next run fixed them.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>The nightly snapshot runs once a day; a day and a few hours without one means a night was missed.</summary>
    public static readonly TimeSpan BackupMaxAge = TimeSpan.FromHours(26);

    public static readonly TimeSpan CertificateWarning = TimeSpan.FromDays(30);

    /// <summary>How many recent mail runs are read: more than a week of timer runs (hourly jobs) is not needed for "failed lately".</summary>
    private const int MailRunsRead = 200;

    public async Task<IReadOnlyList<AttentionItem>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = new List<AttentionItem>();
        var failedIngests = await failedDeliveries.SinceAsync(now - Lookback, cancellationToken);
        // The company names only when a failed ingest needs them: the overview reads this list on every view.
        Dictionary<string, string> names = failedIngests.Count == 0 ? []
            : (await companies.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        foreach (var failed in failedIngests)
            items.Add(new AttentionItem(AttentionKind.IngestFailed, failed.CompletedAt ?? failed.StartedAt, failed.Company,
                WrittenMessages.Format(AttentionTexts.IngestFailed, failed.FileName, names.GetValueOrDefault(failed.Company, failed.Company)),
                PortalUrls.Company(failed.Company)));

        var failedRuns = (await mailRuns.RecentAsync(MailRunsRead, cancellationToken))
            .Where(r => now - r.StartedAt <= Lookback
                        && (r.Status == MailRunStatus.Failed || r.Stopped == MailJobResult.StopReasons.MailServerUnavailable))
            .ToList();
        if (failedRuns.Count > 0)
            items.Add(new AttentionItem(AttentionKind.MailRunFailed, failedRuns.Min(r => r.StartedAt), null,
                failedRuns.Count == 1 ? AttentionTexts.OneMailRunFailed : WrittenMessages.Format(AttentionTexts.MailRunsFailed, failedRuns.Count),
                PortalUrls.FieldworkOverview()));

        if (!archive.Configured)
            items.Add(new AttentionItem(AttentionKind.BackupMissing, null, null,
                AttentionTexts.NoBackupStorage, null));
        else
        {
            var latest = await NightlyBackupService.LatestAsync(archive, cancellationToken);
            if (latest is null || now - latest.CreatedAt > BackupMaxAge)
                items.Add(new AttentionItem(AttentionKind.BackupMissing, latest?.CreatedAt, null,
                    latest is null ? AttentionTexts.NoBackupYet : AttentionTexts.BackupMissed, null));
        }

        var validUntil = await certificate.ValidUntilAsync(cancellationToken);
        if (validUntil - now <= CertificateWarning)
            items.Add(new AttentionItem(AttentionKind.CertificateExpiring, validUntil, null,
                validUntil <= now ? AttentionTexts.CertificateExpired : AttentionTexts.CertificateExpiring, null));
        return items.OrderBy(i => i.Kind).ThenByDescending(i => i.Since).ToList();
    }
}
