using Kto.Core.Companies;
using Kto.Core.Progress;
using Kto.Core.Reports;

namespace Kto.Core.Portal;

/// <summary>
/// The bureau's overview of every company, with the one place for the action flags: no delivery for six weeks,
/// response under the minimum, fewer approached than ended, exemption possible. Figures come from the progress
/// service and the delivery history, never counted a second way.
/// </summary>
public sealed class BureauOverviewService(ICompanyStore companies, IDeliveryHistory history, ProgressService progress, ReportSettings norms, TimeProvider time)
{
    public static readonly TimeSpan DeliveryGap = TimeSpan.FromDays(42);

    public async Task<IReadOnlyList<CompanyOverview>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = new List<CompanyOverview>();
        foreach (var company in (await companies.ListAsync(cancellationToken)).OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            var deliveries = await history.ListAsync(company.Id, cancellationToken);
            var percelen = await progress.ForYearAsync(company.Id, year, cancellationToken);
            var last = DeliveryMonth.Last(deliveries);
            list.Add(new CompanyOverview(company.Id, company.Name, last, DeliveryMonth.DeliveredIn(deliveries, now), percelen,
                Flags(last, percelen, now), await progress.OpdrachtgeversAsync(company.Id, year, cancellationToken)));
        }
        return list;
    }

    private List<string> Flags(DeliveryEntry? last, IReadOnlyList<PerceelProgress> percelen, DateTimeOffset now)
    {
        var flags = new List<string>();
        if (last is null || now - last.ReceivedAt > DeliveryGap) flags.Add("Geen levering in 6 weken");
        var active = percelen.Where(p => p.Ended > 0).ToList();
        foreach (var p in active.Where(p => p.ResponseRate < norms.MinimumResponseRate))
            flags.Add($"{p.Perceel}: respons onder het minimum");
        foreach (var p in active.Where(p => p.Approached < p.Ended))
            flags.Add($"{p.Perceel}: {p.Ended - p.Approached} nog niet benaderd");
        // As in the annual report (AnnualReportBuilder: Ended < ExemptionThreshold); a perceel without services is not flagged.
        foreach (var p in active.Where(p => p.Ended < norms.ExemptionThreshold))
            flags.Add($"{p.Perceel}: vrijstelling mogelijk");
        return flags;
    }
}
