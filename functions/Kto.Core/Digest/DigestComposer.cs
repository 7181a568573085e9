using System.Globalization;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Forecast;

namespace Kto.Core.Digest;

/// <summary>
/// Composes digests from forecasts (pure): what a company's block says, and which companies each user sees. A digest
/// carries figures only: the forecast has no client in it, and nothing here reads one.
/// </summary>
public static class DigestComposer
{
    /// <summary>Top actions per company: the few that bring the most responses.</summary>
    public const int TopActions = 3;

    public static CompanyDigest ForCompany(Company company, CompanyForecast forecast, DateOnly? overdueMonth)
    {
        var percelen = forecast.Percelen.Where(p => p.Ended > 0 || p.ProjectedResponseRate is not null)
            .Select(p => new PerceelDigest(p.PerceelName, p.Ended, p.Responded, Percent(p.ResponseRate), Percent(p.Minimum),
                p.ProjectedLow is { } low && p.ProjectedHigh is { } high ? new ForecastSummary(p.PerceelName, low, high, p.AtRisk).RangeText : null,
                p.AtRisk))
            .ToList();
        // A missing delivery is the company's, not a perceel's: it is said once, below the actions.
        var actions = forecast.Percelen
            .SelectMany(p => p.Actions.Where(a => a.Kind != ForecastActionKind.MissingDelivery).Select(a => (p.PerceelName, Action: a)))
            .OrderByDescending(x => x.Action.ExpectedResponses).ThenBy(x => x.Action.Kind)
            .Take(TopActions)
            .Select(x => new DigestAction(x.PerceelName, x.Action.Text, x.Action.Clients,
                x.Action.ExpectedResponses.ToString("0.#", DutchTime.Culture)))
            .ToList();
        var missing = forecast.Percelen.SelectMany(p => p.Actions).Where(a => a.Kind == ForecastActionKind.MissingDelivery && a.Month is not null)
            .Select(a => a.Month!.Value).Distinct().Order()
            .Select(m => DutchTime.Culture.DateTimeFormat.GetMonthName(m)).ToList();
        return new CompanyDigest(company.Id, company.Name, forecast.AtRisk, percelen, actions,
            overdueMonth is { } month ? Portal.DeliveryDue.MonthName(month) : null, missing);
    }

    /// <summary>
    /// What <paramref name="user"/> may see of <paramref name="companies"/>: a bureau user every company, at risk first
    /// and then by name; a company user only their own (null when it is not among them).
    /// </summary>
    public static WeeklyDigest? For(PortalUser user, string week, int year, IReadOnlyList<CompanyDigest> companies)
    {
        var visible = user.Role == UserRole.Bureau
            ? companies.OrderByDescending(c => c.AtRisk).ThenBy(c => c.CompanyName, StringComparer.Create(DutchTime.Culture, true)).ToList()
            : companies.Where(c => c.CompanyId == user.CompanyId).ToList();
        return visible.Count == 0 ? null : new WeeklyDigest(user, week, year, visible);
    }

    /// <summary>"2026-W49": the ISO week of the Dutch date of <paramref name="now"/>.</summary>
    public static string Week(DateTimeOffset now)
    {
        var date = DutchTime.DateOf(now).ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }

    /// <summary>The timer's schedule: Monday from 08:00 Dutch time (the trigger fires hourly on Mondays, UTC; later runs send what an earlier one could not).</summary>
    public static bool IsDue(DateTimeOffset now)
    {
        var dutch = DutchTime.ToDutch(now);
        return dutch.DayOfWeek == DayOfWeek.Monday && dutch.Hour >= 8;
    }

    private static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0} %";
}
