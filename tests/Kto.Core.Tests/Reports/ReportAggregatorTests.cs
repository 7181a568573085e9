using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Survey;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>The hand-computed fixture: six Naar werk services, four answers (8, 9, 6, 7), eight e-mails.</summary>
public class ReportAggregatorTests
{
    private static readonly DateTimeOffset Invited = At(2026, 11, 24);

    private static ServiceRef Ref(string id) => new("acme", 2026, id);

    private static readonly ReportServiceRow[] Services =
    [
        new("s1", Perceel.NaarWerk, new DateOnly(2026, 3, 15), "Werk gevonden"),
        new("s2", Perceel.NaarWerk, new DateOnly(2026, 3, 15), "Geplaatst bij werkgever"),
        new("s3", Perceel.NaarWerk, new DateOnly(2026, 3, 15), "Voortijdig gestopt"),
        new("s4", Perceel.NaarWerk, new DateOnly(2026, 6, 15), "Geen werk gevonden"),
        new("s5", Perceel.NaarWerk, new DateOnly(2026, 6, 15), null),
        new("s6", Perceel.NaarWerk, new DateOnly(2026, 6, 15), "Traject afgerond"),
        new("p1", Perceel.Praktijkassessment, new DateOnly(2026, 6, 15), null),
    ];

    private static IEnumerable<ContactAttempt> Attempts()
    {
        foreach (var id in new[] { "s1", "s2", "s3", "s4", "s5", "s6", "p1" })
            yield return new ContactAttempt(Ref(id), ContactStep.Invitation, ContactMode.Email, Invited, AttemptOutcome.Sent);
        foreach (var id in new[] { "s5", "s6" })
            yield return new ContactAttempt(Ref(id), new ContactStep(1), ContactMode.Email, Invited.AddDays(8), AttemptOutcome.Sent);
        // Not approaches: a deferred mail reached nobody, and a bounce neither.
        yield return new ContactAttempt(Ref("s6"), new ContactStep(2), ContactMode.Email, Invited.AddDays(15), AttemptOutcome.Deferred);
        yield return new ContactAttempt(Ref("s5"), new ContactStep(2), ContactMode.Letter, Invited.AddDays(15), AttemptOutcome.Sent);
    }

    private static StoredResponse Response(string id, int grade, Perceel perceel = Perceel.NaarWerk) =>
        new(Ref(id), perceel, new Answers(ReportFixtures.Questionnaire.Version, new Dictionary<string, AnswerValue>
        {
            [Kto.Core.Questionnaires.Questionnaire.RapportcijferId] = new(grade),
            ["begeleider-luistert"] = new(4),
            ["begeleider-deskundig"] = new(DontKnow: true),
            ["open-goed"] = new(Text: "Fijn"),
        }), Invited.AddDays(1));

    private static readonly StoredResponse[] Responses =
        [Response("s1", 8), Response("s2", 9), Response("s3", 6), Response("s4", 7), Response("elsewhere", 1)];

    private static PerceelFigures NaarWerk() =>
        ReportAggregator.Aggregate(Perceel.NaarWerk, Services, Attempts(), Responses, ReportFixtures.Questionnaire);

    [Fact]
    public void Counts_the_population_approaches_and_responses_of_the_perceel_only()
    {
        var f = NaarWerk();

        Assert.Equal((6, 6, 4), (f.Ended, f.Approached, f.Responded));
        Assert.Equal(new ContactAttempts(Email: 8, Letter: 1, Phone: 0), f.AttemptsByMode);
        Assert.Equal([new AttemptCount(1, 4), new AttemptCount(2, 1), new AttemptCount(3, 1)], f.AttemptsPerService);
        Assert.Equal([6, 7, 8, 9], f.Grades.Order());
        Assert.Equal([0, 0, 3, 0, 0, 1, 0, 0, 0, 0, 0, 0], f.ResponsesPerMonth);
    }

    [Fact]
    public void Results_figures_follow_the_reason_rule()
    {
        var f = NaarWerk();
        Assert.Equal(5, f.CompletedTrajectories);   // all but s5, which has no reason
        Assert.Equal(2, f.SuccessfulTrajectories);  // "Werk gevonden", "Geplaatst bij werkgever"
    }

    [Fact]
    public void Question_results_cover_every_question_with_answered_means_and_dont_knows()
    {
        var results = NaarWerk().QuestionResults.ToDictionary(r => r.QuestionId);

        Assert.Equal(ReportFixtures.Questionnaire.Questions.Count, results.Count);
        Assert.Equal((4, 7.5), (results[Kto.Core.Questionnaires.Questionnaire.RapportcijferId].Answered, results[Kto.Core.Questionnaires.Questionnaire.RapportcijferId].Mean!.Value));
        Assert.Equal((4, 4.0), (results["begeleider-luistert"].Answered, results["begeleider-luistert"].Mean!.Value));
        Assert.Equal((0, 4), (results["begeleider-deskundig"].Answered, results["begeleider-deskundig"].DontKnow));
        Assert.Equal((4, (double?)null), (results["open-goed"].Answered, results["open-goed"].Mean));
    }

    [Fact]
    public void The_hand_computed_statistics_follow_from_the_figures()
    {
        var report = Builder().BuildPerceel(NaarWerk());

        Assert.Equal(7.5, report.Grades.Mean!.Value, 9);
        Assert.Equal(1.2909944, report.Grades.StandardDeviation!.Value, 6);
        Assert.Equal(7.5, report.Grades.Median!.Value, 9);
        // t(3) = 3.182 (table), SE = 1.291 / √4, fpc = √((6 − 4) / (6 − 1)): half-width 1.299.
        Assert.Equal(6.201, report.Grades.ConfidenceInterval!.Lower, 3);
        Assert.Equal(8.799, report.Grades.ConfidenceInterval!.Upper, 3);
        Assert.Equal(4.0 / 6, report.ResponseRate.Proportion!.Value, 9);
        Assert.Equal((true, true, false), (report.KpiMet, report.MinimumResponseMet, report.ExemptionPossible));
    }

    [Fact]
    public void A_perceel_without_services_has_zeros_and_no_results_figures()
    {
        var f = ReportAggregator.Aggregate(Perceel.WerkfitMaken, Services, Attempts(), Responses, ReportFixtures.Questionnaire);

        Assert.Equal((0, 0, 0), (f.Ended, f.Approached, f.Responded));
        Assert.Empty(f.Grades);
        Assert.Empty(f.AttemptsPerService);
        Assert.Null(f.CompletedTrajectories);
        Assert.Equal(12, f.ResponsesPerMonth.Count);
    }

    [Fact]
    public void Services_never_approached_show_as_zero_attempts()
    {
        var f = ReportAggregator.Aggregate(Perceel.NaarWerk, Services, [], [], ReportFixtures.Questionnaire);
        Assert.Equal([new AttemptCount(0, 6)], f.AttemptsPerService);
        Assert.Equal(0, f.Approached);
    }

    [Fact]
    public void A_form_without_the_grade_counts_as_a_response_and_never_in_the_mean_or_the_question_results()
    {
        // s5 came back on paper with the grade and one statement left blank ("niet ingevuld").
        var blankGrade = new StoredResponse(Ref("s5"), Perceel.NaarWerk, new Answers(ReportFixtures.Questionnaire.Version, new Dictionary<string, AnswerValue>
        {
            [Kto.Core.Questionnaires.Questionnaire.RapportcijferId] = AnswerValue.None,
            ["begeleider-luistert"] = AnswerValue.None,
            ["begeleider-deskundig"] = new(2),
        }), Invited.AddDays(2), ResponseMode.Paper, "typist@bureau.nl");

        var f = ReportAggregator.Aggregate(Perceel.NaarWerk, Services, Attempts(), [.. Responses, blankGrade], ReportFixtures.Questionnaire);

        Assert.Equal(5, f.Responded); // a response: the client took part
        Assert.Equal([8, 9, 6, 7], f.Grades); // the mean stays over the four grades given
        var grade = f.QuestionResults.Single(q => q.QuestionId == Kto.Core.Questionnaires.Questionnaire.RapportcijferId);
        var listens = f.QuestionResults.Single(q => q.QuestionId == "begeleider-luistert");
        Assert.Equal((4, 7.5), (grade.Answered, grade.Mean!.Value));
        Assert.Equal((4, 4.0), (listens.Answered, listens.Mean!.Value));
        Assert.Equal(1, f.RespondedByMode!.Paper);
    }

    [Fact]
    public void Of_two_answers_of_one_service_the_earliest_counts_whatever_the_order_read()
    {
        // s1 answered 8 a day after the invitation and (a second form) 3 two days later; the later one is read first.
        var later = Response("s1", 3) with { SubmittedAt = Invited.AddDays(3) };

        var f = ReportAggregator.Aggregate(Perceel.NaarWerk, Services, Attempts(), [later, Response("s1", 8)], ReportFixtures.Questionnaire);

        Assert.Equal(1, f.Responded);
        Assert.Equal([8], f.Grades);
    }
}
