using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// The edges of UWV's checklist: the deadline day itself is still on time (for signing and for "not yet signed"),
/// equal counts are consistent, and the explanations give the bureau the figures it must act on.
/// </summary>
public sealed class UwvChecklistEdgeTests
{
    private static readonly DateTimeOffset DeadlineDay = At(2027, 3, 1);

    private static UwvCheck Check(string id, AnnualReportInput input, ReportSettings? settings = null, BureauInfo? bureau = null) =>
        Builder(settings, bureau).Build(input).Checklist[id];

    [Fact]
    public void On_the_deadline_day_an_unsigned_report_is_still_on_schedule_not_late()
    {
        var input = Input() with { GeneratedAt = DeadlineDay };

        var onTime = Check(UwvCheckIds.OnTime, input);
        var signed = Check(UwvCheckIds.Signed, input);

        Assert.Equal(UwvCheckStatus.Pending, onTime.Status);
        Assert.StartsWith("Op schema", onTime.Explanation);
        Assert.Equal(UwvCheckStatus.Pending, signed.Status);
        Assert.Equal(UwvCheckStatus.Failed, Check(UwvCheckIds.Signed, input with { GeneratedAt = At(2027, 3, 2) }).Status);
        Assert.Equal("De deadline van 1 maart 2027 is voorbij en het rapport is nog niet ondertekend.",
            Check(UwvCheckIds.OnTime, input with { GeneratedAt = At(2027, 3, 2) }).Explanation);
    }

    [Fact]
    public void A_report_signed_on_the_deadline_day_is_signed_in_time()
    {
        var input = Signed(Input() with { GeneratedAt = DeadlineDay }, DeadlineDay);

        var check = Check(UwvCheckIds.OnTime, input);

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.StartsWith("Op schema", check.Explanation); // the deadline day itself: submission may still follow today
        Assert.Equal("Het rapport is pas op 2 maart 2027 ondertekend. Dat is na de deadline van 1 maart 2027.",
            Check(UwvCheckIds.OnTime, Signed(Input() with { GeneratedAt = At(2027, 3, 2) }, At(2027, 3, 2))).Explanation);
    }

    [Fact]
    public void A_submission_date_is_named_in_the_verdict()
    {
        Assert.Equal("Het rapport is op 20 februari 2027 ingediend bij UWV. Dat is op tijd.",
            Check(UwvCheckIds.OnTime, Signed(Input()) with { SubmittedToUwvOn = new DateOnly(2027, 2, 20) }).Explanation);
        Assert.Equal("Het rapport is op 2 maart 2027 ingediend bij UWV. Dat is na de deadline van 1 maart 2027.",
            Check(UwvCheckIds.OnTime, Signed(Input()) with { SubmittedToUwvOn = new DateOnly(2027, 3, 2) }).Explanation);
    }

    [Fact]
    public void A_bureau_without_a_membership_is_told_to_set_it_and_one_with_another_is_told_which_are_accepted()
    {
        Assert.Equal("Bij Onderzoek BV is niet ingesteld van welke koepel het lid is. UWV accepteert alleen VBO, VSO of MOA.",
            Check(UwvCheckIds.BureauMembership, Input(), bureau: new BureauInfo("Onderzoek BV", " ")).Explanation);
        Assert.Equal("Onderzoek BV is lid van 'NOA'. UWV accepteert alleen VBO, VSO of MOA.",
            Check(UwvCheckIds.BureauMembership, Input(), bureau: new BureauInfo("Onderzoek BV", "NOA")).Explanation);
    }

    [Fact]
    public void Everyone_approached_answering_is_consistent_and_more_answers_than_approaches_is_not()
    {
        var all = Healthy() with { Responded = 20, Grades = [.. Enumerable.Repeat(8, 20)] };

        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.MethodAccount, Input(all)).Status);
        var more = Check(UwvCheckIds.MethodAccount, Input(all with { Approached = 19 }));
        Assert.Equal(UwvCheckStatus.Failed, more.Status);
        Assert.Equal("Onvolledig: Naar werk: meer deelnemers (20) dan benaderde klanten (19).", more.Explanation);
    }

    [Fact]
    public void Nobody_approached_yet_is_no_gap_in_the_method_account_but_check_5_names_it()
    {
        var none = Healthy() with { Approached = 0, Responded = 0, Grades = [], AttemptsByMode = new ContactAttempts(0, 0, 0) };

        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.MethodAccount, Input(none)).Status);
        Assert.Equal("Niet gelijk: Naar werk: 0 van 20 benaderd.", Check(UwvCheckIds.AllApproached, Input(none)).Explanation);
    }

    [Fact]
    public void The_answers_per_mode_are_summed_over_the_percelen_and_a_perceel_without_services_is_not_listed()
    {
        var input = Input(
            Healthy() with { RespondedByMode = new ResponsesByMode(5, 2, 1) },
            Healthy(Perceel.WerkfitMaken) with { RespondedByMode = new ResponsesByMode(6, 1, 1) },
            Healthy(Perceel.Praktijkassessment) with { Ended = 0, Approached = 0, Responded = 0, Grades = [], RespondedByMode = new ResponsesByMode(0, 0, 0) });

        var check = Check(UwvCheckIds.MethodAccount, input);

        Assert.EndsWith(" Geantwoord: 11 online, 3 telefonisch, 2 op papier.", check.Explanation);
        Assert.DoesNotContain("Praktijkassessment", check.Explanation);
        Assert.True(check.Explanation.Contains("Benaderd per Werkfit maken: e-mail en brief; Naar werk: e-mail en brief.", StringComparison.Ordinal), check.Explanation);
    }

    [Fact]
    public void A_minimum_number_of_respondents_is_part_of_the_norm_met_at_exactly_that_number()
    {
        var settings = new ReportSettings { MinimumRespondents = 8 };

        var met = Check(UwvCheckIds.MinimumResponse, Input(), settings); // 8 of 20 responded
        var below = Builder(settings).BuildPerceel(Healthy() with { Ended = 20, Responded = 7, Grades = [6, 7, 7, 8, 8, 8, 8] });

        Assert.Equal(UwvCheckStatus.Passed, met.Status);
        Assert.Equal("Elk perceel haalt de minimale respons van 30% en minstens 8 deelnemers.", met.Explanation);
        Assert.False(below.MinimumResponseMet);
        Assert.Equal("Elk perceel haalt de minimale respons van 30%.", Check(UwvCheckIds.MinimumResponse, Input()).Explanation);
    }

    [Fact]
    public void Missing_mandatory_results_are_named_per_perceel()
    {
        var mandatory = Questionnaire.MandatoryQuestions.Select(q => q.Id).ToList();
        var without = Healthy() with { QuestionResults = AllQuestionResults(8).Where(r => r.QuestionId != mandatory[0]).ToList() };

        var check = Check(UwvCheckIds.MandatoryQuestions, Input(without));

        Assert.Equal($"Resultaten ontbreken. Naar werk: {mandatory[0]}.", check.Explanation);
    }

    [Fact]
    public void A_report_without_percelen_says_so()
    {
        Assert.Equal("Het rapport bevat geen enkel perceel.", Check(UwvCheckIds.AllApproached, Input() with { Figures = [] }).Explanation);
    }
}
