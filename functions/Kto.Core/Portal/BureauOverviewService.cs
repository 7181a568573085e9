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
/// <see cref="OverviewSnapshot"/> so a view reads one row per company. Companies without a snapshot are counted (and
/// saved) in the background, one at a time; views wait for them until <see cref="PortalSettings.OverviewFirstViewWait"/>
/// after the count began and show the rest as still counting. The timer and "Nu bijwerken" replace snapshots, ingest drops the delivering company's.
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

    /// <summary>The background count of companies without a snapshot, one per year at a time.</summary>
    private readonly ConcurrentDictionary<int, BackgroundCount> backgroundCounts = new();

    public async Task<IReadOnlyList<CompanyOverview>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var kept = (await snapshots.ForYearAsync(year, cancellationToken)).ToDictionary(s => s.CompanyId, StringComparer.Ordinal);
        var all = (await companies.ListAsync(cancellationToken)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var missing = all.Where(c => !kept.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        // Stryker disable once Equality : with none missing, a count of no companies ends at once and the view shows the same
        if (missing.Count > 0)
        {
            var count = CountInBackground(year, missing);
            // The wait runs from the start of the count: a view that joins it later (the page's own refresh) waits only
            // for what is left of it, so refreshes during a long count answer at once with the counts so far.
            var left = count.WaitUntil - time.GetUtcNow();
            // Stryker disable once Equality : waiting no time at all (left exactly zero) answers as not waiting
            if (left > TimeSpan.Zero)
                await Task.WhenAny(count.Run, Task.Delay(left, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (count.Run.IsFaulted) await count.Run; // a count that failed while the view waited fails the view, as counting in it did
            foreach (var (id, snapshot) in count.Counted) kept.TryAdd(id, snapshot);
        }
        var now = time.GetUtcNow();
        return all.Select(company => kept.TryGetValue(company.Id, out var snapshot)
            ? Overview(company, snapshot, now)
            : new CompanyOverview(company.Id, company.Name, null, false, [], [], Counting: true)).ToList();
    }

    /// <summary>
    /// Counts the companies without a snapshot one after the other, outside the request (the first view of a fresh
    /// install must not wait for every company); a view that comes while a count runs joins it. A count that fails or
    /// whose instance stops is simply started again by the next view: nothing is saved until a company is counted.
    /// </summary>
    private BackgroundCount CountInBackground(int year, IReadOnlyList<string> missing)
    {
        var fresh = new BackgroundCount { WaitUntil = time.GetUtcNow() + settings.OverviewFirstViewWait };
        var current = backgroundCounts.GetOrAdd(year, fresh);
        if (!ReferenceEquals(current, fresh)) return current;
        fresh.Run = Task.Run(async () =>
        {
            try
            {
                // Stryker disable once Boolean : no synchronisation context here (Task.Run), so ConfigureAwait(true) resumes the same way
                foreach (var company in missing)
                    fresh.Counted[company] = await RefreshCompanyAsync(company, year, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                backgroundCounts.TryRemove(new KeyValuePair<int, BackgroundCount>(year, fresh));
            }
        });
        // Observed here, so a failure after every view stopped waiting is not an unobserved task exception.
        _ = fresh.Run.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        return fresh;
    }

    /// <summary>One background count: its task and the snapshots it has made so far.</summary>
    private sealed class BackgroundCount
    {
        public Task Run { get; set; } = Task.CompletedTask;

        /// <summary>Until when views wait for this count (<see cref="PortalSettings.OverviewFirstViewWait"/> after it began).</summary>
        public DateTimeOffset WaitUntil { get; init; }

        public ConcurrentDictionary<string, OverviewSnapshot> Counted { get; } = new(StringComparer.Ordinal);
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
