using Kto.Core.Companies;
using Kto.Core.Fieldwork;

namespace Kto.Core.Reports;

/// <summary>
/// When last year's reports are drafted without the bureau asking: once fieldwork of last year has closed, while
/// some company has no draft yet, so the bureau has them well before 1 March. Off with
/// Kto:Report:DraftPreviousYearAutomatically.
/// </summary>
public sealed class AutomaticDraftRule(ReportSettings settings, ContactPolicy policy, ICompanyStore companies, IReportArchive archive, TimeProvider time)
{
    /// <returns>The year to draft now, or null when there is nothing to draft.</returns>
    public async Task<int?> YearToDraftAsync(CancellationToken cancellationToken)
    {
        if (!settings.DraftPreviousYearAutomatically) return null;
        var year = DutchTime.Today(time).Year - 1;
        if (policy.IsFieldworkOpen(year, time.GetUtcNow())) return null;
        foreach (var company in await companies.ListAsync(cancellationToken))
            if (await archive.GetDraftAsync(company.Id, year, cancellationToken) is null)
                return year;
        return null;
    }
}
