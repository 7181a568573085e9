using Kto.Core.Statistics;

namespace Kto.Core.Reports;

/// <summary>Builds the annual report: statistics and verdicts per perceel, then UWV's checklist.</summary>
public sealed class AnnualReportBuilder(ReportSettings settings, BureauInfo bureau)
{
    // Means and rates are ratios of integers; this only guards the ≥ comparison against floating-point noise.
    private const double Tolerance = 1e-9;

    public AnnualReport Build(AnnualReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var duplicate = input.Figures.GroupBy(f => f.Perceel).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Perceel {PerceelNames.DisplayName(duplicate.Key)} appears twice.", nameof(input));

        var answers = (input.OpenAnswers ?? []).ToLookup(a => a.Perceel);
        // In the questionnaire's order ("wat ging er goed" before "wat kan er beter"), then by id: not by who answered when.
        var order = input.Questionnaire.Questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var comparison = input.PreviousYear is null ? null : YearComparison.Of(input.PreviousYear);
        var before = comparison is { Available: true }
            ? input.PreviousYear!.Figures.GroupBy(f => f.Perceel).ToDictionary(g => g.Key, g => BuildPerceel(g.First()))
            : [];
        var percelen = input.Figures.OrderBy(f => f.Perceel).Select(f =>
        {
            var perceel = BuildPerceel(f) with
            {
                OpenAnswers = answers[f.Perceel].OrderBy(a => order.GetValueOrDefault(a.QuestionId, int.MaxValue)).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
            };
            return before.TryGetValue(f.Perceel, out var previous)
                ? perceel with { PreviousYear = PerceelComparison.Of(perceel, previous, comparison!.PreviousYear) }
                : perceel;
        }).ToList();
        var checklist = UwvChecklist.Evaluate(new UwvChecklistInput(
            input.Year,
            DutchTime.DateOf(input.GeneratedAt),
            settings,
            bureau,
            input.Questionnaire,
            percelen,
            input.Conclusion,
            input.Signature,
            input.SubmittedToUwvOn));

        return new AnnualReport(
            input.CompanyId,
            input.CompanyName,
            input.Year,
            input.GeneratedAt,
            input.Questionnaire.Version,
            bureau,
            new ReportNorms(
                settings.KpiMinimumMeanGrade,
                settings.MinimumResponseRate,
                settings.MinimumRespondents,
                settings.ExemptionThreshold,
                settings.IndicativeBelowRespondents,
                settings.SubmissionDeadline(input.Year)),
            percelen,
            checklist,
            string.IsNullOrWhiteSpace(input.Conclusion) ? null : input.Conclusion.Trim(),
            input.Signature,
            input.SubmittedToUwvOn,
            comparison);
    }

    public PerceelReport BuildPerceel(PerceelFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var name = PerceelNames.DisplayName(figures.Perceel);
        if (figures.Ended < 0 || figures.Approached < 0 || figures.Responded < 0)
            throw new ArgumentException($"{name}: counts cannot be negative.", nameof(figures));
        if (figures.Responded > figures.Ended)
            throw new ArgumentException($"{name}: {figures.Responded} responded but only {figures.Ended} services ended.", nameof(figures));
        if (figures.Grades.Count > figures.Responded)
            throw new ArgumentException($"{name}: more grades ({figures.Grades.Count}) than respondents ({figures.Responded}).", nameof(figures));
        if (figures.ResponsesPerMonth.Count != 12)
            throw new ArgumentException($"{name}: responses per month needs 12 numbers.", nameof(figures));

        var grades = GradeStatistics.Compute(figures.Grades, figures.Ended, settings.IndicativeBelowRespondents);
        var responseRate = WilsonInterval.Compute(figures.Responded, figures.Ended);
        bool? kpiMet = grades.Mean is { } mean ? mean >= settings.KpiMinimumMeanGrade - Tolerance : null;
        bool? minimumResponseMet = figures.Ended == 0
            ? null
            : responseRate.Proportion >= settings.MinimumResponseRate - Tolerance
              && (settings.MinimumRespondents <= 0 || figures.Responded >= settings.MinimumRespondents);
        return new PerceelReport(
            figures,
            responseRate,
            grades,
            kpiMet,
            minimumResponseMet,
            ExemptionPossible: figures.Ended < settings.ExemptionThreshold);
    }
}
