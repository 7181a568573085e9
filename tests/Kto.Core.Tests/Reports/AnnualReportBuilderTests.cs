using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

public class AnnualReportBuilderTests
{
    private static PerceelReport Perceel(PerceelFigures figures, ReportSettings? settings = null) =>
        Builder(settings).BuildPerceel(figures);

    private static PerceelFigures WithGrades(IReadOnlyList<int> grades, int ended) =>
        Healthy() with { Ended = ended, Approached = ended, Responded = grades.Count, Grades = grades };

    [Fact]
    public void KPI_met_at_exactly_7()
    {
        // 6 and 8 → mean 7.0
        var report = Perceel(WithGrades([6, 8], ended: 5));

        Assert.Equal(7.0, report.Grades.Mean);
        Assert.True(report.KpiMet);
    }

    [Fact]
    public void KPI_not_met_at_6_99()
    {
        // 99 sevens and one 6 → 699 / 100 = 6.99
        var grades = Enumerable.Repeat(7, 99).Append(6).ToArray();

        var report = Perceel(WithGrades(grades, ended: 150));

        Assert.Equal(6.99, report.Grades.Mean!.Value, 10);
        Assert.False(report.KpiMet);
    }

    [Fact]
    public void KPI_unknown_without_grades()
    {
        var report = Perceel(WithGrades([], ended: 10));

        Assert.Null(report.KpiMet);
        Assert.Null(report.Grades.Mean);
    }

    [Fact]
    public void KPI_norm_is_a_setting()
    {
        var settings = DefaultSettings();
        settings.KpiMinimumMeanGrade = 6.5;

        Assert.True(Perceel(WithGrades([6, 7], ended: 5), settings).KpiMet);
        Assert.False(Perceel(WithGrades([6, 7], ended: 5)).KpiMet);
    }

    [Theory]
    [InlineData(6, 20, true)]  // 30% exactly
    [InlineData(5, 20, false)] // 25%
    public void Minimum_response_rate(int responded, int ended, bool met)
    {
        var figures = Healthy() with { Ended = ended, Approached = ended, Responded = responded, Grades = Enumerable.Repeat(8, responded).ToArray() };

        var report = Perceel(figures);

        Assert.Equal(met, report.MinimumResponseMet);
        Assert.Equal((double)responded / ended, report.ResponseRate.Proportion);
    }

    [Fact]
    public void Minimum_respondents_applies_on_top_of_the_rate_when_set()
    {
        var settings = DefaultSettings();
        settings.MinimumRespondents = 10;

        var report = Perceel(Healthy(), settings); // 8 of 20: rate fine, but fewer than 10

        Assert.False(report.MinimumResponseMet);
        Assert.True(Perceel(Healthy()).MinimumResponseMet);
    }

    [Fact]
    public void Exemption_possible_with_3_ended_services()
    {
        var figures = Healthy() with { Ended = 3, Approached = 3, Responded = 2, Grades = [8, 9] };

        var report = Perceel(figures);

        Assert.True(report.ExemptionPossible);
        Assert.False(Perceel(Healthy()).ExemptionPossible); // 20 ended
        Assert.False(Perceel(Healthy() with { Ended = 5, Approached = 5, Responded = 2, Grades = [8, 9] }).ExemptionPossible);
    }

    [Fact]
    public void Perceel_without_ended_services_has_no_response_verdict()
    {
        var figures = Healthy() with { Ended = 0, Approached = 0, Responded = 0, Grades = [], AttemptsByMode = new(0, 0, 0), AttemptsPerService = [] };

        var report = Perceel(figures);

        Assert.Null(report.MinimumResponseMet);
        Assert.Null(report.ResponseRate.Proportion);
        Assert.True(report.ExemptionPossible);
    }

    [Fact]
    public void Statistics_use_the_ended_services_as_population()
    {
        var report = Perceel(Healthy());

        Assert.Equal(20, report.Grades.PopulationSize);
        Assert.Equal(8, report.Grades.Respondents);
        Assert.Equal(7.5, report.Grades.Mean);
        Assert.True(report.Grades.IsIndicative); // 8 < 10
        Assert.Equal(0.4, report.ResponseRate.Proportion);
    }

    [Fact]
    public void Impossible_figures_are_refused()
    {
        var builder = Builder();
        Assert.Throws<ArgumentException>(() => builder.BuildPerceel(Healthy() with { Responded = 21 }));
        Assert.Throws<ArgumentException>(() => builder.BuildPerceel(Healthy() with { Responded = 1 }));
        Assert.Throws<ArgumentException>(() => builder.BuildPerceel(Healthy() with { ResponsesPerMonth = [1, 2] }));
        Assert.Throws<ArgumentException>(() => builder.Build(Input(Healthy(), Healthy())));
    }

    [Fact]
    public void Report_carries_company_norms_and_percelen_in_a_fixed_order()
    {
        var input = Input(Healthy(Kto.Core.Perceel.Praktijkassessment), Healthy(Kto.Core.Perceel.WerkfitMaken));

        var report = Builder().Build(input);

        Assert.Equal(("acme", "Acme Re-integratie", 2026, "kto-2026-1"), (report.CompanyId, report.CompanyName, report.Year, report.QuestionnaireVersion));
        Assert.Equal([Kto.Core.Perceel.WerkfitMaken, Kto.Core.Perceel.Praktijkassessment], report.Percelen.Select(p => p.Figures.Perceel));
        Assert.Equal(new BureauInfo("Onderzoek BV", "MOA"), report.Bureau);
        Assert.Equal(new ReportNorms(7.0, 0.30, 0, 5, 10, new DateOnly(2027, 3, 1)), report.Norms);
        Assert.Equal(7, report.Checklist.Checks.Count);
    }

    [Fact]
    public void QuestionResults_aggregate_numbers_dont_knows_and_texts()
    {
        var questionnaire = Questionnaire;
        Kto.Core.Questionnaires.Answers Answer(string grade, string agree, string? open)
        {
            var form = new Dictionary<string, string?> { ["rapportcijfer"] = grade, ["open-goed"] = open };
            foreach (var q in questionnaire.Questions.Where(q => q.Type == Kto.Core.Questionnaires.QuestionType.Agree5)) form[q.Id] = agree;
            return Kto.Core.Questionnaires.AnswerValidator.Validate(questionnaire, form).Answers!;
        }

        var results = QuestionResults.Aggregate(questionnaire, [Answer("6", "4", "Goed"), Answer("9", "nvt", null), Answer("9", "5", "Prima")]);

        Assert.Equal(questionnaire.Questions.Count, results.Count);
        var grade = results.Single(r => r.QuestionId == "rapportcijfer");
        Assert.Equal((3, 8.0, true), (grade.Answered, grade.Mean!.Value, grade.Mandatory));
        var agree = results.Single(r => r.QuestionId == "hulp-naar-werk");
        Assert.Equal((2, 4.5, 1), (agree.Answered, agree.Mean!.Value, agree.DontKnow));
        var open = results.Single(r => r.QuestionId == "open-goed");
        Assert.Equal((2, (double?)null), (open.Answered, open.Mean));
        Assert.Equal(0, results.Single(r => r.QuestionId == "aanbevelen").Answered);
    }

    [Fact]
    public void Open_answers_to_the_same_question_are_listed_by_id()
    {
        var input = Input() with
        {
            OpenAnswers =
            [
                new OpenAnswer("s9-open-goed", Kto.Core.Perceel.NaarWerk, "open-goed", "Later id."),
                new OpenAnswer("s1-open-goed", Kto.Core.Perceel.NaarWerk, "open-goed", "Earlier id."),
            ],
        };

        var report = Builder().Build(input);

        Assert.Equal(["s1-open-goed", "s9-open-goed"], report.Percelen.Single().OpenAnswers!.Select(a => a.Id));
    }

    [Fact]
    public void Building_without_input_or_figures_is_refused_by_name()
    {
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => Builder().Build(null!)).ParamName);
        Assert.Equal("figures", Assert.Throws<ArgumentNullException>(() => Builder().BuildPerceel(null!)).ParamName);
        var report = Builder().BuildPerceel(Healthy());
        Assert.Equal("current", Assert.Throws<ArgumentNullException>(() => PerceelComparison.Of(null!, report, 2025)).ParamName);
        Assert.Equal("previous", Assert.Throws<ArgumentNullException>(() => PerceelComparison.Of(report, null!, 2025)).ParamName);
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => SigningReview.Of(null!, new DateOnly(2027, 2, 1))).ParamName);
    }
}
