namespace Kto.Core.Reports;

/// <summary>
/// What is not in order in a draft the bureau is about to sign, in plain Dutch, for the confirmation step: the
/// checklist items that failed, every perceel under the minimum response and a measurement year that has not ended.
/// Signing is final, so the bureau sees these once more before it confirms.
/// </summary>
public sealed record SigningReview(IReadOnlyList<string> NotInOrder)
{
    public static SigningReview Of(AnnualReport report, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        var items = report.Checklist.Checks.Where(c => c.Status == UwvCheckStatus.Failed)
            .Select(c => $"Controlelijst {c.Number}, {c.Title}: niet in orde. {c.Explanation}").ToList();
        foreach (var p in report.Percelen.Where(p => p.MinimumResponseMet == false))
            items.Add($"Respons {PerceelNames.DisplayName(p.Figures.Perceel)}: {Percent(p.ResponseRate.Proportion ?? 0)} " +
                      $"({p.Figures.Responded} van {p.Figures.Ended}), onder het minimum van {Percent(report.Norms.MinimumResponseRate)}.");
        if (today <= new DateOnly(report.Year, 12, 31))
            items.Add($"Het jaar {report.Year} is nog niet voorbij: diensten die na vandaag nog in {report.Year} eindigen, staan niet in dit rapport.");
        return new SigningReview(items);
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", DutchTime.Culture) + "%";
}
