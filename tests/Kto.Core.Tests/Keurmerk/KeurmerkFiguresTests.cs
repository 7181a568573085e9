using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>The Keurmerk figures against hand-computed values.</summary>
public sealed class KeurmerkFiguresTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static PerceelFigures Perceel(Perceel perceel, int ended, params int[] grades) =>
        new(perceel, ended, ended, null, [], grades.Length, grades, [], null, null, new int[12]);

    [Fact]
    public void Client_satisfaction_pools_every_grade_of_every_perceel_and_keeps_each_perceel_apart()
    {
        var clients = KeurmerkFigures.Clients([Perceel(Core.Perceel.NaarWerk, 4, 8, 6), Perceel(Core.Perceel.WerkfitMaken, 2, 9), Perceel(Core.Perceel.Praktijkassessment, 0)]);

        // (8 + 6 + 9) / 3 = 7.67, not the mean of the perceel means (7 + 9) / 2 = 8.
        Assert.Equal((6, 3, 7.67), (clients.Ended, clients.Responded, clients.MeanGrade!.Value));
        Assert.Equal([7.0, 9.0, null], clients.PerServiceType.Select(t => t.MeanGrade));
        Assert.Equal("Naar werk", clients.PerServiceType[0].ServiceType);
    }

    [Fact]
    public void The_results_norm_follows_the_words_in_the_settings()
    {
        ReportServiceRow Row(string id, string? reason) => new(id, Core.Perceel.NaarWerk, new DateOnly(2026, 3, 1), reason);
        var services = new[] { Row("a", "Werk gevonden"), Row("b", "Geen werk"), Row("c", "Uitgestroomd naar opleiding"), Row("d", null) };

        var defaults = KeurmerkFigures.Results(services, new KeurmerkSettings());
        var own = KeurmerkFigures.Results(services, new KeurmerkSettings { SuccessWords = "werk, opleiding" });

        Assert.Equal((4, 3, 1, 0.3333), (defaults.Ended, defaults.Completed, defaults.Successful, defaults.SuccessRate!.Value));
        Assert.Equal((3, 2), (own.Completed, own.Successful));
    }

    [Fact]
    public void Opdrachtgever_satisfaction_counts_approaches_first_answers_grades_and_agree_shares()
    {
        var ids = new[] { OpdrachtgeverIds.Of("UWV"), OpdrachtgeverIds.Of("Gemeente"), OpdrachtgeverIds.Of("Werkgever") };
        var list = new[] { new OpdrachtgeverEntry(ids[0], 10), new OpdrachtgeverEntry(ids[1], 5), new OpdrachtgeverEntry(ids[2], null) };
        ServiceRef Ref(int i) => new("acme", 2026, ids[i]);
        var attempts = new[]
        {
            new ContactAttempt(Ref(0), ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Sent),
            new ContactAttempt(Ref(1), ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Sent),
            new ContactAttempt(Ref(2), ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Deferred),
            new ContactAttempt(new ServiceRef("acme", 2026, "someone-else"), ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Sent),
        };
        StoredResponse Answer(int i, int cooperation, int results, int kept, string reporting, int again, DateTimeOffset at) => new(Ref(i), default,
            new Answers("bow-opdrachtgever-2026-1", new Dictionary<string, AnswerValue>
            {
                ["rapportcijfer"] = new(cooperation), ["cijfer-resultaten"] = new(results), ["afspraken-nagekomen"] = new(kept),
                ["rapportage"] = reporting == "nvt" ? new AnswerValue(DontKnow: true) : new AnswerValue(int.Parse(reporting)),
                ["bereikbaarheid"] = new(4), ["opnieuw-opdracht"] = new(again),
            }), at);
        var responses = new[] { Answer(0, 9, 7, 5, "nvt", 5, At), Answer(1, 6, 5, 2, "4", 3, At), Answer(1, 1, 1, 1, "1", 1, At.AddDays(1)) };

        var o = KeurmerkFigures.Opdrachtgevers(list, attempts, responses);

        Assert.Equal((3, 15, 2, 2, 0.6667), (o.Opdrachtgevers, o.Trajecten!.Value, o.Approached, o.Responded, o.ResponseRate));
        Assert.Equal((7.5, 6.0), (o.MeanGradeCooperation!.Value, o.MeanGradeResults!.Value));
        Assert.Equal((0.5, 1.0, 1.0, 0.5), (o.AgreementsKept!.Value, o.Reporting!.Value, o.Reachability!.Value, o.WouldCommissionAgain!.Value));
    }

    [Fact]
    public void Opdrachtgevers_are_counted_approached_and_responded_per_mode_from_real_approaches_and_first_answers()
    {
        var ids = new[] { OpdrachtgeverIds.Of("Mail"), OpdrachtgeverIds.Of("Telefoon"), OpdrachtgeverIds.Of("Beide"), OpdrachtgeverIds.Of("Papier") };
        var list = ids.Select(id => new OpdrachtgeverEntry(id, null)).ToList();
        ServiceRef Ref(int i) => new("acme", 2026, ids[i]);
        var attempts = new[]
        {
            new ContactAttempt(Ref(0), ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Sent),
            new ContactAttempt(Ref(0), new ContactStep(1), ContactMode.Email, At.AddDays(7), AttemptOutcome.Sent),   // twice by mail: one opdrachtgever
            new ContactAttempt(Ref(1), ContactStep.Invitation, ContactMode.Phone, At, AttemptOutcome.NoAnswer),
            new ContactAttempt(Ref(1), ContactStep.Invitation, ContactMode.Phone, At.AddHours(1), AttemptOutcome.Reached),
            new ContactAttempt(Ref(2), ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Failed),       // no approach
            new ContactAttempt(Ref(2), ContactStep.Invitation, ContactMode.Phone, At, AttemptOutcome.Voicemail),
            new ContactAttempt(Ref(3), ContactStep.Invitation, ContactMode.Letter, At, AttemptOutcome.Sent),
        };
        StoredResponse Answer(int i, ResponseMode mode, DateTimeOffset at) =>
            new(Ref(i), default, new Answers("bow-opdrachtgever-2026-1", new Dictionary<string, AnswerValue> { ["rapportcijfer"] = new(8) }), at, mode);
        // The later paper form of opdrachtgever 1 does not count: its phone answer came first.
        var responses = new[] { Answer(0, ResponseMode.Web, At), Answer(1, ResponseMode.Phone, At), Answer(1, ResponseMode.Paper, At.AddDays(1)), Answer(3, ResponseMode.Paper, At) };

        var o = KeurmerkFigures.Opdrachtgevers(list, attempts, responses);

        Assert.Equal(new ContactAttempts(Email: 1, Letter: 1, Phone: 2), o.ApproachedByMode);
        Assert.Equal(new ResponsesByMode(Web: 1, Phone: 1, Paper: 1), o.RespondedByMode);
        Assert.Equal((4, 3), (o.Approached, o.Responded));
    }

    [Fact]
    public void A_norm_is_met_at_its_threshold_not_met_below_it_and_open_without_figures()
    {
        var clients = new KeurmerkClients(10, 4, 6.5, []);
        var opdrachtgevers = new KeurmerkOpdrachtgevers(0, null, 0, 0, 0, null, null, null, null, null, null, new ContactAttempts(0, 0, 0), new ResponsesByMode(0, 0, 0));
        var results = new KeurmerkResults(10, 8, 3, 0.375, [], []);

        var norms = KeurmerkFigures.Norms(clients, opdrachtgevers, results, new KeurmerkSettings());

        Assert.Equal([true, null, false], norms.Select(n => n.Met));
        Assert.Equal([KeurmerkNormIds.ClientSatisfaction, KeurmerkNormIds.OpdrachtgeverSatisfaction, KeurmerkNormIds.Results], norms.Select(n => n.Id));
        Assert.False(KeurmerkFigures.Norms(clients, opdrachtgevers, results, new KeurmerkSettings { ClientSatisfactionMinimum = 7 })[0].Met);
    }

    [Fact]
    public void The_opdrachtgever_questionnaire_is_its_own_version_with_the_questions_the_figures_read()
    {
        var catalog = new QuestionnaireCatalog(new QuestionnaireSettings());
        var q = catalog.For(SurveyAudience.Opdrachtgever);

        Assert.Equal("bow-opdrachtgever-2026-1", q.Version);
        Assert.Same(catalog.Current, catalog.For(SurveyAudience.Client));
        var ids = q.Questions.Select(x => x.Id).ToList();
        Assert.Contains(Questionnaire.RapportcijferId, ids);
        foreach (var id in new[] { OpdrachtgeverQuestions.GradeResults, OpdrachtgeverQuestions.AgreementsKept, OpdrachtgeverQuestions.Reporting,
                                   OpdrachtgeverQuestions.Reachability, OpdrachtgeverQuestions.WouldCommissionAgain })
            Assert.Contains(id, ids);
    }
}
