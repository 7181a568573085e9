using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Q = Kto.Core.Questionnaires.Questionnaire;
using Kto.Core.Reports;
using Kto.Core.Survey;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>Per-mode figures: clients approached per mode, respondents per mode, attempts per client, unreachable; and the UWV checks that use them.</summary>
public class ModeFiguresTests
{
    private static readonly DateTimeOffset At0 = At(2026, 11, 24);

    private static ServiceRef Ref(string id) => new("acme", 2026, id);

    private static readonly ReportServiceRow[] Services =
        new[] { "e1", "e2", "l1", "t1", "u1", "u2" }.Select(id => new ReportServiceRow(id, Perceel.NaarWerk, new DateOnly(2026, 5, 1), null)).ToArray();

    private static ContactAttempt Attempt(string id, ContactMode mode, AttemptOutcome outcome, int minutes = 0) =>
        new(Ref(id), ContactStep.Invitation, mode, At0.AddMinutes(minutes), outcome);

    private static StoredResponse Response(string id, ResponseMode mode) =>
        new(Ref(id), Perceel.NaarWerk, new Answers(ReportFixtures.Questionnaire.Version, new Dictionary<string, AnswerValue> { [Q.RapportcijferId] = new(7) }), At0, mode);

    private static PerceelFigures Figures() => ReportAggregator.Aggregate(Perceel.NaarWerk, Services,
        [
            Attempt("e1", ContactMode.Email, AttemptOutcome.Sent), Attempt("e1", ContactMode.Email, AttemptOutcome.Sent, 1),
            Attempt("e2", ContactMode.Email, AttemptOutcome.Sent), Attempt("e2", ContactMode.Phone, AttemptOutcome.Voicemail, 2),
            Attempt("l1", ContactMode.Letter, AttemptOutcome.Sent),
            Attempt("t1", ContactMode.Phone, AttemptOutcome.NoAnswer), Attempt("t1", ContactMode.Phone, AttemptOutcome.Reached, 1),
            Attempt("t1", ContactMode.Phone, AttemptOutcome.WrongNumber, 2), // not an approach
        ],
        [Response("e1", ResponseMode.Web), Response("l1", ResponseMode.Paper), Response("t1", ResponseMode.Phone), Response("u2", ResponseMode.Paper)],
        ReportFixtures.Questionnaire,
        unreachable: new HashSet<string> { "u1", "u2" });

    [Fact]
    public void Clients_and_respondents_are_counted_per_mode_with_attempts_per_client_and_the_unreachable()
    {
        var f = Figures();

        Assert.Equal(new ContactAttempts(Email: 2, Letter: 1, Phone: 2), f.ApproachedByMode);
        Assert.Equal(new ContactAttempts(Email: 3, Letter: 1, Phone: 3), f.AttemptsByMode);
        Assert.Equal(new ResponsesByMode(Web: 1, Phone: 1, Paper: 2), f.RespondedByMode);
        // e1 2, e2 2, l1 1, t1 2, u1 0, u2 0 → mean 7/6, max 2.
        Assert.Equal(Math.Round(7 / 6.0, 2), f.MeanAttemptsPerService);
        Assert.Equal(2, f.MaxAttemptsPerService);
        Assert.Equal(1, f.Unreachable); // u2 answered (on paper) after all
        Assert.Equal("e-mail, brief en telefoon", f.ModesUsedText());
        Assert.Null(ReportAggregator.Aggregate(Perceel.NaarWerk, Services, [], [], ReportFixtures.Questionnaire).Unreachable);
    }

    [Fact]
    public void Check_5_names_the_unreachable_and_check_6_the_modes_used_and_how_clients_answered()
    {
        var f = Healthy() with
        {
            Approached = 19, Unreachable = 1, ApproachedByMode = new ContactAttempts(18, 0, 2), RespondedByMode = new ResponsesByMode(6, 2, 0),
        };
        var checklist = UwvChecklist.Evaluate(new UwvChecklistInput(2026, new DateOnly(2027, 1, 15), new ReportSettings(),
            new BureauInfo("Bureau", "VBO"), ReportFixtures.Questionnaire, [new AnnualReportBuilder(new ReportSettings(), new BureauInfo("Bureau", "VBO")).BuildPerceel(f)], null, null, null));

        Assert.Contains("Naar werk: 19 van 20 benaderd, 1 onbereikbaar", checklist[UwvCheckIds.AllApproached].Explanation);
        Assert.Equal(UwvCheckStatus.Passed, checklist[UwvCheckIds.MethodAccount].Status);
        Assert.Contains("Naar werk: e-mail en telefoon", checklist[UwvCheckIds.MethodAccount].Explanation);
        Assert.Contains("Geantwoord: 6 online, 2 telefonisch, 0 op papier", checklist[UwvCheckIds.MethodAccount].Explanation);
    }

    [Fact]
    public void Check_6_fails_when_respondents_per_mode_do_not_add_up_and_check_7_says_how_often_and_how()
    {
        var wrong = Healthy() with { RespondedByMode = new ResponsesByMode(5, 1, 0) }; // 6, not 8
        var low = Healthy() with { Responded = 4, Grades = [7, 8, 8, 9], ApproachedByMode = new ContactAttempts(20, 3, 0) };

        var method = UwvChecklist.Evaluate(new UwvChecklistInput(2026, new DateOnly(2027, 1, 15), new ReportSettings(), new BureauInfo("B", "VBO"),
            ReportFixtures.Questionnaire, [new AnnualReportBuilder(new ReportSettings(), new BureauInfo("B", "VBO")).BuildPerceel(wrong)], null, null, null));
        var minimum = UwvChecklist.Evaluate(new UwvChecklistInput(2026, new DateOnly(2027, 1, 15), new ReportSettings(), new BureauInfo("B", "VBO"),
            ReportFixtures.Questionnaire, [new AnnualReportBuilder(new ReportSettings(), new BureauInfo("B", "VBO")).BuildPerceel(low)], null, null, null));

        Assert.Equal(UwvCheckStatus.Failed, method[UwvCheckIds.MethodAccount].Status);
        Assert.Contains("tellen niet op tot de respons (8)", method[UwvCheckIds.MethodAccount].Explanation);
        Assert.Equal(UwvCheckStatus.Pending, minimum[UwvCheckIds.MinimumResponse].Status);
        // Healthy: 5 × 1, 3 × 2, 12 × 3 over 20 → mean 2.35, max 3.
        Assert.Contains("Naar werk: via e-mail en brief, gemiddeld 2,4 keer (hoogstens 3)", minimum[UwvCheckIds.MinimumResponse].Explanation);
    }
}
