using System.Text.Json;
using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// The report's small rules beside the checklist: when a KPI verdict (mean grade ≥ 7) can be read, how the approach
/// effort is described, which year counts as ended before signing, and names that are written down in storage.
/// </summary>
public sealed class ReportRulesTests
{
    private static PerceelReport Perceel(int ended, params int[] grades) =>
        Builder().BuildPerceel(Healthy() with { Ended = ended, Approached = ended, Responded = grades.Length, Grades = grades });

    [Fact]
    public void Without_grades_there_is_no_verdict_to_doubt()
    {
        // "geen cijfers" is said elsewhere; "te weinig antwoorden" would suggest there were some.
        Assert.False(KpiJudgement.TooFewToJudge(Perceel(20), 7));
    }

    [Fact]
    public void Fewer_grades_than_the_indicative_limit_are_too_few_to_judge_even_when_all_agree()
    {
        Assert.True(KpiJudgement.TooFewToJudge(Perceel(20, 9, 9, 9, 9, 9, 9, 9, 9, 9), 7)); // 9 grades, limit 10
        Assert.False(KpiJudgement.TooFewToJudge(Perceel(20, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9), 7));
    }

    [Fact]
    public void Enough_grades_whose_interval_lies_on_both_sides_of_the_norm_are_too_few_to_judge()
    {
        // Mean 7 with a wide spread: the 95 % interval runs from below 7 to above it.
        var spread = Perceel(20, 5, 9, 5, 9, 5, 9, 5, 9, 5, 9, 5, 9);

        Assert.True(spread.Grades.ConfidenceInterval!.Lower < 7);
        Assert.True(KpiJudgement.TooFewToJudge(spread, 7));
        Assert.False(KpiJudgement.TooFewToJudge(spread, 4)); // the whole interval above the norm
    }

    [Fact]
    public void An_interval_that_starts_exactly_at_the_norm_is_judged()
    {
        // Twelve sevens: no spread, the interval is [7, 7]; the KPI is met, and that can be said.
        var sevens = Perceel(20, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7);

        Assert.Equal(7, sevens.Grades.ConfidenceInterval!.Lower);
        Assert.True(sevens.KpiMet);
        Assert.False(KpiJudgement.TooFewToJudge(sevens, 7));
    }

    [Fact]
    public void An_interval_that_ends_exactly_at_the_norm_is_too_few_to_judge()
    {
        // Nine tens and a five of 40: the interval is cut at 10, so with a norm of 10 it ends exactly there. The mean
        // (9.5) is below the norm, yet the true mean may reach it: no "nee" the figures cannot carry.
        var nearlyAllTens = Perceel(40, 10, 10, 10, 10, 10, 10, 10, 10, 10, 5);

        Assert.Equal(10, nearlyAllTens.Grades.ConfidenceInterval!.Upper);
        Assert.True(nearlyAllTens.Grades.ConfidenceInterval.Lower < 10);
        Assert.False(nearlyAllTens.Grades.IsIndicative);
        Assert.True(KpiJudgement.TooFewToJudge(nearlyAllTens, 10));
    }

    [Theory]
    [InlineData(0, 0, 0, "geen")]
    [InlineData(3, 0, 0, "e-mail")]
    [InlineData(0, 2, 0, "brief")]
    [InlineData(3, 0, 1, "e-mail en telefoon")]
    [InlineData(3, 2, 1, "e-mail, brief en telefoon")]
    public void The_modes_used_are_named_in_a_dutch_list(int email, int letter, int phone, string text)
    {
        Assert.Equal(text, (Healthy() with { ApproachedByMode = new ContactAttempts(email, letter, phone) }).ModesUsedText());
    }

    [Fact]
    public void The_modes_come_from_the_clients_approached_per_mode_else_from_the_attempts_else_are_unknown()
    {
        var figures = Healthy() with { AttemptsByMode = new ContactAttempts(5, 0, 0), ApproachedByMode = null };

        Assert.Equal("e-mail", figures.ModesUsedText());
        Assert.Equal("telefoon", (figures with { ApproachedByMode = new ContactAttempts(0, 0, 4) }).ModesUsedText());
        Assert.Equal("niet bekend", (figures with { AttemptsByMode = null }).ModesUsedText());
    }

    [Fact]
    public void Mean_attempts_count_every_ended_service_and_the_most_is_the_highest_number_of_attempts()
    {
        // 5 services once, 3 twice, 12 three times, of 25 ended (5 never approached): (5 + 6 + 36) / 25 = 1.88.
        var figures = Healthy() with { Ended = 25 };

        Assert.Equal(1.88, figures.MeanAttemptsPerService);
        Assert.Equal(3, figures.MaxAttemptsPerService);
        Assert.Null((figures with { Ended = 0 }).MeanAttemptsPerService);
        Assert.Null((figures with { AttemptsPerService = [] }).MeanAttemptsPerService);
        Assert.Null((figures with { AttemptsPerService = [] }).MaxAttemptsPerService);
    }

    [Theory]
    [InlineData(2026, 12, 31, true)]  // the last day of the year still runs
    [InlineData(2027, 1, 1, false)]
    public void Signing_before_the_year_has_ended_is_named_in_the_review(int year, int month, int day, bool named)
    {
        var report = Builder().Build(Input());

        var review = SigningReview.Of(report, new DateOnly(year, month, day));

        Assert.Equal(named, review.NotInOrder.Any(i => i.StartsWith("Het jaar 2026 is nog niet voorbij", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_review_names_each_failed_check_with_its_explanation_and_each_perceel_under_the_minimum()
    {
        var report = Builder(bureau: new BureauInfo("Onderzoek BV", "NOA")).Build(Input(Healthy() with { Responded = 5, Grades = [7, 7, 7, 7, 7] }));

        var review = SigningReview.Of(report, new DateOnly(2027, 2, 1));

        Assert.Equal(
        [
            "Controlelijst 2, Onderzoeksbureau is lid van VBO, VSO of MOA: niet in orde. Onderzoek BV is lid van 'NOA'. UWV accepteert alleen VBO, VSO of MOA.",
            "Respons Naar werk: 25% (5 van 20), onder het minimum van 30%.",
        ], review.NotInOrder);
    }

    [Fact]
    public void The_review_gives_a_response_rate_to_one_decimal()
    {
        // 4 of 15 = 26.666…%: one decimal, rounded, with a Dutch comma.
        var report = Builder().Build(Input(Healthy() with { Ended = 15, Approached = 15, Responded = 4, Grades = [7, 7, 7, 7] }));

        var review = SigningReview.Of(report, new DateOnly(2027, 2, 1));

        Assert.Contains("Respons Naar werk: 26,7% (4 van 15), onder het minimum van 30%.", review.NotInOrder);
    }

    [Fact]
    public void The_checklist_the_kpi_judgement_and_the_redactor_refuse_a_null_argument_by_name()
    {
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => UwvChecklist.Evaluate(null!)).ParamName);
        Assert.Equal("perceel", Assert.Throws<ArgumentNullException>(() => KpiJudgement.TooFewToJudge(null!, 7.0)).ParamName);
        Assert.Equal("companyKlantnummers", Assert.Throws<ArgumentNullException>(() => new OpenAnswerRedactor(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => new OpenAnswerRedactor([]).Redact(null!, [])).ParamName);
    }

    [Fact]
    public void Report_kinds_are_written_down_in_lower_case()
    {
        // Blob paths and the verify row carry these names: a changed name loses stored reports.
        Assert.Equal(("uwv", "keurmerk"), (ReportKinds.Name(ReportKind.Uwv), ReportKinds.Name(ReportKind.Keurmerk)));
    }

    [Fact]
    public void A_perceel_is_written_by_its_official_name_and_read_in_any_accepted_spelling()
    {
        var json = JsonSerializer.Serialize(Healthy(Core.Perceel.WerkfitMaken));

        Assert.Contains("\"Perceel\":\"Werkfit maken\"", json);
        Assert.Equal(Core.Perceel.WerkfitMaken, JsonSerializer.Deserialize<PerceelFigures>(json.Replace("Werkfit maken", "werkfit-maken"))!.Perceel);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PerceelFigures>(json.Replace("Werkfit maken", "Tuinieren")));
    }
}
