using Kto.Core.Companies;
using Kto.Core.Fieldwork;

namespace Kto.Core.Portal;

/// <summary>
/// The bureau's fieldwork overview: the last mail runs, how much of the send limits is in use, and per company the
/// clients e-mail cannot reach (the rule is <see cref="OfflineContactService.NeedsLetterOrCall"/>, counted here
/// without making links).
/// </summary>
public sealed class FieldworkOverviewService(IMailRunLog runs, IMailThrottle throttle, ICompanyStore companies, IFieldworkStore fieldwork)
{
    public const int RecentRuns = 20;

    public async Task<FieldworkOverview> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var recent = await runs.RecentAsync(RecentRuns, cancellationToken);
        var use = await throttle.CurrentUseAsync(cancellationToken);
        var list = new List<CompanyFieldwork>();
        foreach (var company in (await companies.ListAsync(cancellationToken)).OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            int bounced = 0, offline = 0;
            // Only the rows that need a letter or a call: the view does not read every client of every company.
            await foreach (var candidate in fieldwork.OfflineCandidatesAsync(company.Id, year, cancellationToken))
            {
                offline++;
                if (candidate.State.EmailBounced) bounced++;
            }
            list.Add(new CompanyFieldwork(company.Id, company.Name, bounced, offline));
        }
        return new FieldworkOverview(recent, use, list);
    }
}
