using System.Collections.Concurrent;
using Kto.Core.Companies;
using Kto.Core.Forecast;
using Kto.Core.Progress;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Core.Portal;

/// <summary>
/// The bureau's overview of every company, with the one place for the action flags: no delivery for six weeks, last month's delivery late,
/// response under the minimum, at risk by the forecast (with its projected range), fewer approached than ended, exemption possible. Figures come from the progress
/// service and the delivery history, never counted a second way; they are kept per company as an
/// <see cref="OverviewSnapshot"/> so a view reads one row per company. A company without a snapshot is computed
/// (and saved) on the spot; the timer and "Nu bijwerken" replace snapshots, ingest drops the delivering company's.
/// </summary>
public sealed class BureauOverviewService(
    ICompanyStore companies,
    IDeliveryHistory history,
    ProgressService progress,
    IOverviewSnapshots snapshots,
    ReportSettings norms,
    PortalSettings settings,
    TimeProvider time,
    ForecastService? forecasts = null,
    ForecastSettings? forecastSettings = null)
{
    public static readonly TimeSpan DeliveryGap = TimeSpan.FromDays(42);

    /// <summary>Counts of missing snapshots under way: views that arrive meanwhile wait for the same count (a fresh install, many users).</summary>
    private readonly ConcurrentDictionary<(string Company, int Year), Lazy<Task<OverviewSnapshot>>> counting = new();

    public async Task<IReadOnlyList<CompanyOverview>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var kept = (await snapshots.ForYearAsync(year, cancellationToken)).ToDictionary(s => s.CompanyId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var list = new List<CompanyOverview>();
        foreach (var company in (await companies.ListAsync(cancellationToken)).OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            var snapshot = kept.GetValueOrDefault(company.Id) ?? await CountMissingAsync(company.Id, year, cancellationToken);
            list.Add(Overview(company, snapshot, now));
        }
        return list;
    }

    /// <summary>
    /// Recomputes every company whose snapshot is missing or older than <see cref="PortalSettings.OverviewRefreshAfter"/>
    /// (all when <paramref name="all"/>), one company at a time, each saved as it is done: a run that dies keeps what it did.
    /// </summary>
    /// <returns>How many companies were recomputed.</returns>
    public async Task<int> RefreshAsync(int year, bool all, CancellationToken cancellationToken)
    {
        var kept = (await snapshots.ForYearAsync(year, cancellationToken)).ToDictionary(s => s.CompanyId, StringComparer.Ordinal);
        var staleBefore = time.GetUtcNow() - settings.OverviewRefreshAfter;
        var refreshed = 0;
        foreach (var company in await companies.ListAsync(cancellationToken))
        {
            if (!all && kept.GetValueOrDefault(company.Id) is { } snapshot && snapshot.ComputedAt > staleBefore) continue;
            await RefreshCompanyAsync(company.Id, year, cancellationToken);
            refreshed++;
        }
        return refreshed;
    }

    /// <summary>Counts one company's year afresh and saves it as its snapshot.</summary>
    public async Task<OverviewSnapshot> RefreshCompanyAsync(string companyId, int year, CancellationToken cancellationToken)
    {
        var computedAt = time.GetUtcNow();
        var deliveries = await history.ListAsync(companyId, cancellationToken);
        // One read of the company's year for progress and forecast both.
        var population = await progress.PopulationAsync(companyId, year, cancellationToken);
        var snapshot = new OverviewSnapshot(companyId, year, computedAt, DeliveryMonth.Last(deliveries),
            progress.ForPopulation(population),
            await progress.OpdrachtgeversAsync(companyId, year, cancellationToken),
            forecasts is null ? null : ForecastSummary.Of(await forecasts.ForPopulationAsync(population, cancellationToken)));
        await snapshots.SaveAsync(snapshot, cancellationToken);
        return snapshot;
    }

    private async Task<OverviewSnapshot> CountMissingAsync(string companyId, int year, CancellationToken cancellationToken)
    {
        var key = (companyId, year);
        // Not the caller's token: other views may wait for this count too.
        var count = counting.GetOrAdd(key, k => new Lazy<Task<OverviewSnapshot>>(() => RefreshCompanyAsync(k.Company, k.Year, CancellationToken.None)));
        try
        {
            return await count.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            counting.TryRemove(new KeyValuePair<(string, int), Lazy<Task<OverviewSnapshot>>>(key, count));
        }
    }

    private CompanyOverview Overview(Company company, OverviewSnapshot snapshot, DateTimeOffset now) =>
        // The last delivery decides "delivered this month" alone: any delivery of this month is at least as late.
        new(company.Id, company.Name, snapshot.LastDelivery, snapshot.LastDelivery is { } last && DeliveryMonth.DeliveredIn([last], now),
            snapshot.Percelen, Flags(snapshot.LastDelivery, snapshot.Percelen, snapshot.Forecast, now), snapshot.Opdrachtgevers, snapshot.ComputedAt);

    private List<OverviewFlag> Flags(DeliveryEntry? last, IReadOnlyList<PerceelProgress> percelen, IReadOnlyList<ForecastSummary>? forecast, DateTimeOffset now)
    {
        var flags = new List<OverviewFlag>();
        if (last is null || now - last.ReceivedAt > DeliveryGap)
            flags.Add(new OverviewFlag(OverviewFlagKind.NoRecentDelivery, null, null, "Geen levering in 6 weken"));
        if (DeliveryDue.OverdueMonth(last, now, (forecastSettings ?? new ForecastSettings()).DeliveryDueDay) is { } month)
            flags.Add(new OverviewFlag(OverviewFlagKind.DeliveryOverdue, null, null, DeliveryDue.MonthName(month)));
        var active = percelen.Where(p => p.Ended > 0).ToList();
        foreach (var p in active.Where(p => p.ResponseRate < norms.MinimumResponseRate))
            flags.Add(new OverviewFlag(OverviewFlagKind.ResponseBelowMinimum, p.Perceel, null, $"{p.Perceel}: respons onder het minimum"));
        // The forecast's verdict with its range (issue 24): the minimum or the mean grade of 7 may be missed at the end of fieldwork.
        foreach (var f in (forecast ?? []).Where(f => f.AtRisk))
            flags.Add(new OverviewFlag(OverviewFlagKind.ForecastAtRisk, f.Perceel, null, $"{f.Perceel}: risico, verwachte respons {f.RangeText}"));
        foreach (var p in active.Where(p => p.Approached < p.Ended))
            flags.Add(new OverviewFlag(OverviewFlagKind.NotApproached, p.Perceel, p.Ended - p.Approached, $"{p.Perceel}: {p.Ended - p.Approached} nog niet benaderd"));
        // As in the annual report (AnnualReportBuilder: Ended < ExemptionThreshold); a perceel without services is not flagged.
        foreach (var p in active.Where(p => p.Ended < norms.ExemptionThreshold))
            flags.Add(new OverviewFlag(OverviewFlagKind.ExemptionPossible, p.Perceel, p.Ended, $"{p.Perceel}: vrijstelling mogelijk"));
        return flags;
    }
}
