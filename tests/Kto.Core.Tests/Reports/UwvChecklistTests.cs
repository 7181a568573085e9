using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

public class UwvChecklistTests
{
    private static UwvChecklist Checklist(AnnualReportInput input, ReportSettings? settings = null, BureauInfo? bureau = null) =>
        Builder(settings, bureau).Build(input).Checklist;

    private static UwvCheck Check(string id, AnnualReportInput input, ReportSettings? settings = null, BureauInfo? bureau = null) =>
        Checklist(input, settings, bureau)[id];

    [Fact]
    public void Seven_checks_in_UWV_order()
    {
        var checklist = Checklist(Input());

        Assert.Equal(Enumerable.Range(1, 7), checklist.Checks.Select(c => c.Number));
        Assert.Equal(
            [UwvCheckIds.OnTime, UwvCheckIds.BureauMembership, UwvCheckIds.Signed, UwvCheckIds.MandatoryQuestions,
             UwvCheckIds.AllApproached, UwvCheckIds.MethodAccount, UwvCheckIds.MinimumResponse],
            checklist.Checks.Select(c => c.Id));
        Assert.All(checklist.Checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Explanation)));
    }

    [Fact]
    public void Complete_submitted_report_passes_everything()
    {
        var input = Signed(Input()) with { SubmittedToUwvOn = new DateOnly(2027, 2, 20) };

        var checklist = Checklist(input);

        Assert.All(checklist.Checks, c => Assert.Equal(UwvCheckStatus.Passed, c.Status));
        Assert.Equal(UwvCheckStatus.Passed, checklist.Status);
    }

    // 1. On time
    [Fact]
    public void OnTime_pending_before_the_deadline()
    {
        var check = Check(UwvCheckIds.OnTime, Input());

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Contains("1 maart 2027", check.Title);
        Assert.Contains("Op schema", check.Explanation);
    }

    [Fact]
    public void OnTime_passes_when_submitted_on_the_deadline_day()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input()) with { SubmittedToUwvOn = new DateOnly(2027, 3, 1) });

        Assert.Equal(UwvCheckStatus.Passed, check.Status);
    }

    [Fact]
    public void OnTime_fails_when_submitted_after_the_deadline()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input()) with { SubmittedToUwvOn = new DateOnly(2027, 3, 2) });

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
    }

    [Fact]
    public void OnTime_fails_when_the_deadline_passed_unsigned()
    {
        var check = Check(UwvCheckIds.OnTime, Input() with { GeneratedAt = At(2027, 3, 2) });

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
    }

    [Fact]
    public void OnTime_fails_when_signed_after_the_deadline()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input(), At(2027, 3, 5)) with { GeneratedAt = At(2027, 3, 6) });

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
    }

    [Fact]
    public void OnTime_stays_pending_after_the_deadline_when_signed_in_time_but_submission_unknown()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input()) with { GeneratedAt = At(2027, 3, 10) });

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Contains("CLMS", check.Explanation);
    }

    [Fact]
    public void OnTime_uses_the_Dutch_calendar_day()
    {
        // 1 March 23:30 UTC is already 2 March in Amsterdam.
        var input = Input() with { GeneratedAt = new DateTimeOffset(2027, 3, 1, 23, 30, 0, TimeSpan.Zero) };

        Assert.Equal(UwvCheckStatus.Failed, Check(UwvCheckIds.OnTime, input).Status);
    }

    [Fact]
    public void Deadline_is_a_setting()
    {
        var settings = DefaultSettings();
        settings.SubmissionDeadlineMonth = 4;
        var input = Input() with { GeneratedAt = At(2027, 3, 10) };

        var check = Check(UwvCheckIds.OnTime, input, settings);

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Contains("1 april 2027", check.Title);
    }

    // 2. Bureau membership
    [Theory]
    [InlineData("VBO")]
    [InlineData("VSO")]
    [InlineData("moa")]
    public void Membership_passes_for_the_three_umbrellas(string membership)
    {
        var bureau = DefaultBureau with { Membership = membership };

        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.BureauMembership, Input(), bureau: bureau).Status);
    }

    [Theory]
    [InlineData("Onderzoek BV", "")]
    [InlineData("Onderzoek BV", "NGO")]
    [InlineData("", "MOA")]
    public void Membership_fails_when_unknown_other_or_nameless(string name, string membership)
    {
        var bureau = new BureauInfo(name, membership);

        Assert.Equal(UwvCheckStatus.Failed, Check(UwvCheckIds.BureauMembership, Input(), bureau: bureau).Status);
    }

    // 3. Signed
    [Fact]
    public void Signed_passes_with_a_signature()
    {
        var check = Check(UwvCheckIds.Signed, Signed(Input()));

        Assert.Equal(UwvCheckStatus.Passed, check.Status);
        Assert.Contains("J. de Vries", check.Explanation);
        Assert.Contains("10 februari 2027", check.Explanation);
    }

    [Fact]
    public void Signed_is_pending_for_a_draft_and_failed_after_the_deadline()
    {
        Assert.Equal(UwvCheckStatus.Pending, Check(UwvCheckIds.Signed, Input()).Status);
        Assert.Equal(UwvCheckStatus.Failed, Check(UwvCheckIds.Signed, Input() with { GeneratedAt = At(2027, 3, 2) }).Status);
    }

    // 4. Mandatory questions
    [Fact]
    public void MandatoryQuestions_passes_when_every_perceel_has_every_mandatory_result()
    {
        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.MandatoryQuestions, Input(Healthy(Perceel.NaarWerk), Healthy(Perceel.WerkfitMaken))).Status);
    }

    [Fact]
    public void MandatoryQuestions_fails_and_names_the_missing_question()
    {
        var incomplete = Healthy(Perceel.WerkfitMaken) with
        {
            QuestionResults = AllQuestionResults(8).Where(r => r.QuestionId != "afspraken-nagekomen").ToList(),
        };

        var check = Check(UwvCheckIds.MandatoryQuestions, Input(Healthy(), incomplete));

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
        Assert.Contains("Werkfit maken: afspraken-nagekomen", check.Explanation);
    }

    [Fact]
    public void MandatoryQuestions_does_not_require_optional_questions()
    {
        var withoutOptional = Healthy() with { QuestionResults = AllQuestionResults(8).Where(r => r.Mandatory).ToList() };

        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.MandatoryQuestions, Input(withoutOptional)).Status);
    }

    // 5. All approached
    [Fact]
    public void AllApproached_fails_when_approached_is_less_than_ended()
    {
        var check = Check(UwvCheckIds.AllApproached, Input(Healthy() with { Approached = 18 }));

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
        Assert.Contains("Naar werk: 18 van 20 benaderd", check.Explanation);
    }

    [Fact]
    public void AllApproached_passes_when_equal_per_perceel()
    {
        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.AllApproached, Input()).Status);
    }

    // 6. Method account
    [Fact]
    public void MethodAccount_passes_when_modes_are_known()
    {
        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.MethodAccount, Input()).Status);
    }

    [Fact]
    public void MethodAccount_fails_when_modes_are_unknown()
    {
        var check = Check(UwvCheckIds.MethodAccount, Input(Healthy() with { AttemptsByMode = null }));

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
        Assert.Contains("op welke manier", check.Explanation);
    }

    [Fact]
    public void MethodAccount_fails_when_clients_were_approached_without_any_recorded_attempt()
    {
        var check = Check(UwvCheckIds.MethodAccount, Input(Healthy() with { AttemptsByMode = new ContactAttempts(0, 0, 0) }));

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
    }

    [Fact]
    public void No_percelen_fails_the_perceel_checks()
    {
        var checklist = Checklist(Input() with { Figures = [] });

        foreach (var id in new[] { UwvCheckIds.MandatoryQuestions, UwvCheckIds.AllApproached, UwvCheckIds.MethodAccount, UwvCheckIds.MinimumResponse })
            Assert.Equal(UwvCheckStatus.Failed, checklist[id].Status);
    }

    // 7. Minimum response
    private static PerceelFigures LowResponse() => Healthy() with { Responded = 4, Grades = [7, 8, 8, 9] }; // 20%

    [Fact]
    public void MinimumResponse_passes_when_reached()
    {
        Assert.Equal(UwvCheckStatus.Passed, Check(UwvCheckIds.MinimumResponse, Input()).Status);
    }

    [Fact]
    public void MinimumResponse_not_reached_passes_with_attempts_and_a_conclusion()
    {
        var input = Signed(Input(LowResponse())) with { Conclusion = "Alle klanten kregen een e-mail en twee herinneringen." };

        var check = Check(UwvCheckIds.MinimumResponse, input);

        Assert.Equal(UwvCheckStatus.Passed, check.Status);
        Assert.Contains("Naar werk (20%)", check.Explanation);
    }

    [Fact]
    public void MinimumResponse_not_reached_is_pending_until_the_bureau_concludes()
    {
        var check = Check(UwvCheckIds.MinimumResponse, Input(LowResponse()));

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Contains("conclusie", check.Explanation);
    }

    [Fact]
    public void MinimumResponse_not_reached_fails_when_signed_without_conclusion()
    {
        var check = Check(UwvCheckIds.MinimumResponse, Signed(Input(LowResponse())) with { Conclusion = "  " });

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
    }

    [Fact]
    public void MinimumResponse_not_reached_fails_when_attempts_are_not_reported()
    {
        var input = Signed(Input(LowResponse() with { AttemptsPerService = [] })) with { Conclusion = "Wij deden ons best." };

        var check = Check(UwvCheckIds.MinimumResponse, input);

        Assert.Equal(UwvCheckStatus.Failed, check.Status);
        Assert.Contains("hoe vaak", check.Explanation);
    }

    [Fact]
    public void MinimumResponse_mentions_possible_exemption_for_a_small_perceel()
    {
        var small = Healthy(Perceel.Praktijkassessment) with { Ended = 3, Approached = 3, Responded = 0, Grades = [] };

        var check = Check(UwvCheckIds.MinimumResponse, Input(Healthy(), small));

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Contains("Praktijkassessment (0%, vrijstelling mogelijk)", check.Explanation);
    }

    [Fact]
    public void Overall_status_is_failed_before_pending_before_passed()
    {
        Assert.Equal(UwvCheckStatus.Pending, Checklist(Input()).Status);
        Assert.Equal(UwvCheckStatus.Failed, Checklist(Input(Healthy() with { Approached = 1 })).Status);
    }
}
