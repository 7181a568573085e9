using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Interviews;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Interviews;

/// <summary>Answers entered by phone or from paper: the web questionnaire's rules, counted once, audited.</summary>
public class AnswerEntryServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemorySurveyData data = new();
    private readonly InMemoryAccounts accounts = new();
    private readonly FakeTimeProvider time = new(Now);

    private AnswerEntryService Service() => new(data, data, data, new QuestionnaireCatalog(new QuestionnaireSettings()),
        new ContactPolicy(new FieldworkSettings()), accounts, time);

    public static Dictionary<string, string?> Valid(string grade = "8") => new()
    {
        ["rapportcijfer"] = grade, ["begeleider-luistert"] = "4", ["begeleider-deskundig"] = "5", ["begeleider-bereikbaar"] = "nvt",
        ["afspraken-duidelijk"] = "3", ["afspraken-nagekomen"] = "4", ["meebeslissen-plan"] = "2", ["hulp-naar-werk"] = "4",
        ["informatie-duidelijk"] = "5", ["open-goed"] = "Goed geholpen",
    };

    [Fact]
    public async Task A_phone_answer_is_stored_with_its_mode_and_interviewer_marks_the_service_and_is_audited()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var result = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Phone, Valid("6"), "piet@bureau.nl"), default);

        Assert.Equal(AnswerEntryOutcome.Stored, result.Outcome);
        var stored = await data.FindAsync(service, default);
        Assert.NotNull(stored);
        Assert.Equal(ResponseMode.Phone, stored.Mode);
        Assert.Equal("piet@bureau.nl", stored.EnteredBy);
        Assert.Equal(6, stored.Answers.Rapportcijfer);
        Assert.True(stored.Answers["begeleider-bereikbaar"].DontKnow);
        Assert.Equal("kto-2026-1", stored.Answers.Version);
        Assert.Equal(6, data.MarkedGrade(service));
        var audit = Assert.Single(accounts.Audit);
        Assert.Equal((AuditActions.AnswersEntered, "piet@bureau.nl", "acme"), (audit.Action, audit.Actor, audit.Company));
        Assert.Contains("telefonisch", audit.Detail);
    }

    [Fact]
    public async Task Invalid_answers_come_back_with_the_questionnaires_issues_and_nothing_is_stored()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var answers = Valid();
        answers.Remove("begeleider-luistert");
        answers["rapportcijfer"] = "11";
        answers["afspraken-duidelijk"] = "misschien";
        answers["lievelingskleur"] = "blauw";

        var result = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, answers, "typist@bureau.nl"), default);

        Assert.Equal(AnswerEntryOutcome.Invalid, result.Outcome);
        Assert.Equal(
            [("lievelingskleur", FieldErrorCodes.UnknownQuestion), ("rapportcijfer", FieldErrorCodes.OutOfRange),
             ("begeleider-luistert", FieldErrorCodes.Required), ("afspraken-duidelijk", FieldErrorCodes.NotANumber)],
            result.Issues.Select(i => (i.QuestionId, i.Code)));
        Assert.Null(await data.FindAsync(service, default));
        Assert.False(data.IsMarked(service));
        Assert.Empty(accounts.Audit);
    }

    [Fact]
    public async Task A_client_who_answered_online_cannot_be_entered_again()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var web = new StoredResponse(service, Perceel.NaarWerk, new Answers("kto-2026-1", new Dictionary<string, AnswerValue>()), Now.AddDays(-1));
        data.AddResponseDirectly(web);

        var result = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Phone, Valid(), "piet@bureau.nl"), default);

        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, result.Outcome);
        Assert.Same(web, await data.FindAsync(service, default));
        Assert.True(data.IsMarked(service)); // the lagging flag is repaired, as the questionnaire does
        Assert.Empty(accounts.Audit);
    }

    [Fact]
    public async Task An_online_answer_arriving_while_the_interviewer_types_wins_and_the_entry_is_refused()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var web = new StoredResponse(service, Perceel.NaarWerk, new Answers("kto-2026-1", new Dictionary<string, AnswerValue>()), Now);
        data.BeforeAdd = s => { data.AddResponseDirectly(web); data.BeforeAdd = null; };

        var result = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Phone, Valid(), "piet@bureau.nl"), default);

        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, result.Outcome);
        Assert.Equal(ResponseMode.Web, (await data.FindAsync(service, default))!.Mode);
        Assert.True(data.IsMarked(service)); // the online answer's service is marked responded here too
        Assert.Empty(accounts.Audit);
    }

    [Fact]
    public async Task A_second_entry_after_a_phone_answer_is_refused()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        Assert.Equal(AnswerEntryOutcome.Stored, (await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Phone, Valid("9"), "a@b.nl"), default)).Outcome);
        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, (await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, Valid("3"), "c@d.nl"), default)).Outcome);
        Assert.Equal(9, (await data.FindAsync(service, default))!.Answers.Rapportcijfer);
    }

    [Fact]
    public async Task Unknown_opted_out_closed_and_web_entries_are_refused_with_their_own_outcome()
    {
        var optedOut = data.Add("s2", InMemorySurveyData.Contact("K2"), status: ServiceStatus.OptedOut);
        var old = data.Add("s3", InMemorySurveyData.Contact("K3"), year: 2024);
        var open = data.Add("s4", InMemorySurveyData.Contact("K4"));

        Assert.Equal(AnswerEntryOutcome.UnknownService,
            (await Service().EnterAsync(new AnswerEntry(new ServiceRef("acme", 2026, "nope"), ResponseMode.Phone, Valid(), "a@b.nl"), default)).Outcome);
        Assert.Equal(AnswerEntryOutcome.OptedOut, (await Service().EnterAsync(new AnswerEntry(optedOut, ResponseMode.Phone, Valid(), "a@b.nl"), default)).Outcome);
        Assert.Equal(AnswerEntryOutcome.FieldworkClosed, (await Service().EnterAsync(new AnswerEntry(old, ResponseMode.Paper, Valid(), "a@b.nl"), default)).Outcome);
        Assert.Equal(AnswerEntryOutcome.ModeNotEntered, (await Service().EnterAsync(new AnswerEntry(open, ResponseMode.Web, Valid(), "a@b.nl"), default)).Outcome);
        Assert.Null(await data.FindAsync(optedOut, default));
        Assert.Null(await data.FindAsync(open, default));
    }

    [Fact]
    public async Task A_question_sent_as_null_was_left_blank_stored_as_no_answer_never_as_a_grade()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var answers = Valid();
        answers["rapportcijfer"] = null; // the client left the grade open on the paper form
        answers["begeleider-luistert"] = null;

        var result = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, answers, "typist@bureau.nl"), default);

        Assert.Equal(AnswerEntryOutcome.Stored, result.Outcome);
        var stored = await data.FindAsync(service, default);
        Assert.NotNull(stored);
        Assert.Null(stored.Answers.Rapportcijfer);
        Assert.False(stored.Answers["rapportcijfer"].IsAnswered);
        Assert.False(stored.Answers["begeleider-luistert"].IsAnswered);
        Assert.Equal(5, stored.Answers["begeleider-deskundig"].Number);
        Assert.True(data.IsMarked(service));
        Assert.Null(data.MarkedGrade(service));
    }

    [Fact]
    public async Task A_missing_mandatory_question_gets_a_text_for_the_typist_and_a_form_left_wholly_blank_is_refused()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var answers = Valid();
        answers.Remove("rapportcijfer");

        var paper = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, answers, "typist@bureau.nl"), default);
        var issue = Assert.Single(paper.Issues);
        Assert.Equal(("rapportcijfer", FieldErrorCodes.Required), (issue.QuestionId, issue.Code));
        Assert.Contains("op het formulier", issue.MessageNl);
        Assert.Contains("niet ingevuld", issue.MessageNl);
        Assert.DoesNotContain("U heeft", issue.MessageNl); // not the client's text
        var phone = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Phone, answers, "piet@bureau.nl"), default);
        Assert.Contains("de cliënt", Assert.Single(phone.Issues).MessageNl);

        var blank = Service().Questionnaire.Questions.ToDictionary(q => q.Id, q => (string?)null);
        var empty = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, blank, "typist@bureau.nl"), default);
        Assert.Equal(AnswerEntryOutcome.Invalid, empty.Outcome);
        var nothing = Assert.Single(empty.Issues);
        Assert.Equal(FieldErrorCodes.NothingAnswered, nothing.Code);
        Assert.Contains("Een lege vragenlijst telt niet als antwoord", nothing.MessageNl);
        Assert.Contains("An empty questionnaire does not count as a response", nothing.MessageEn);
        Assert.Null(await data.FindAsync(service, default));
    }

    [Fact]
    public async Task The_typist_s_texts_are_in_English_too()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var answers = Valid();
        answers.Remove("rapportcijfer");
        answers["zzz"] = "1";
        answers["aaa"] = "1";

        var paper = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, answers, "typist@bureau.nl"), default);
        var phone = await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Phone, answers, "piet@bureau.nl"), default);

        // Unknown questions first, in order of their names; then the questionnaire's own issues.
        Assert.Equal(["aaa", "zzz", "rapportcijfer"], paper.Issues.Select(i => i.QuestionId));
        Assert.Equal("Question 'aaa' is not in questionnaire kto-2026-1.", paper.Issues[0].MessageEn);
        Assert.Equal("Vraag 'aaa' staat niet in vragenlijst kto-2026-1.", paper.Issues[0].MessageNl);
        Assert.Contains("the answer on the form", paper.Issues[2].MessageEn);
        Assert.Contains("the client's answer", phone.Issues[2].MessageEn);
    }

    [Fact]
    public async Task A_service_marked_responded_is_refused_before_any_answer_is_checked()
    {
        var marked = data.Add("s1", InMemorySurveyData.Contact("K1"), status: ServiceStatus.Responded);
        var answeredOnline = data.Add("s2", InMemorySurveyData.Contact("K2"));
        data.AddResponseDirectly(new StoredResponse(answeredOnline, Perceel.NaarWerk, new Answers("kto-2026-1", new Dictionary<string, AnswerValue>()), Now));
        var invalid = new Dictionary<string, string?> { ["rapportcijfer"] = "11" };

        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, (await Service().EnterAsync(new AnswerEntry(marked, ResponseMode.Phone, Valid(), "a@b.nl"), default)).Outcome);
        var online = await Service().EnterAsync(new AnswerEntry(answeredOnline, ResponseMode.Paper, invalid, "a@b.nl"), default);
        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, online.Outcome);
        Assert.Empty(online.Issues);
        Assert.Null(await data.FindAsync(marked, default));
    }

    [Fact]
    public async Task A_paper_entry_is_audited_as_paper_under_the_acting_key_naming_who_typed_it()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        await Service().EnterAsync(new AnswerEntry(service, ResponseMode.Paper, Valid(), "typist@bureau.nl", Actor: "API-sleutel bureau"), default);

        var audit = Assert.Single(accounts.Audit);
        Assert.Equal("API-sleutel bureau", audit.Actor);
        Assert.Contains("(papier) door typist@bureau.nl", audit.Detail);
        Assert.Equal("online", AnswerEntryService.ModeText(ResponseMode.Web));
    }

    [Fact]
    public async Task An_opdrachtgever_is_given_the_opdrachtgever_questionnaire_a_client_the_client_s()
    {
        var catalog = new QuestionnaireCatalog(new QuestionnaireSettings());
        var service = Service();
        Assert.Equal(catalog.Opdrachtgever.Version, service.QuestionnaireFor(new ServiceRef("acme", 2026, Kto.Core.Keurmerk.OpdrachtgeverIds.Of("UWV Utrecht"))).Version);
        Assert.Equal(catalog.Current.Version, service.QuestionnaireFor(new ServiceRef("acme", 2026, "s1")).Version);
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.EnterAsync(null!, default));
    }

    // An entered answer is also a contact: a phone answer a call that reached the client, a paper answer a letter.
    // Without it a client answered but was never approached, and the report's UWV checks fail ("meer deelnemers dan benaderd").

    private Task<AnswerEntryResult> EnterAsync(ServiceRef service, ResponseMode mode, Dictionary<string, string?>? answers = null) =>
        Service().EnterAsync(new AnswerEntry(service, mode, answers ?? Valid(), "piet@bureau.nl"), default);

    [Fact]
    public async Task A_phone_answer_without_a_recorded_call_records_the_call_that_reached_the_client()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));

        Assert.Equal(AnswerEntryOutcome.Stored, (await EnterAsync(service, ResponseMode.Phone)).Outcome);

        var call = Assert.Single(data.Attempts);
        Assert.Equal((service, ContactMode.Phone, AttemptOutcome.Reached, Now, "piet@bureau.nl"), (call.Service, call.Mode, call.Outcome, call.At, call.By));
        Assert.True(AttemptOutcomes.CountsAsApproach(call.Outcome));
        Assert.EndsWith("; benaderd vastgelegd: Gebeld: bereikt", Assert.Single(accounts.Audit).Detail);
    }

    [Fact]
    public async Task A_phone_answer_after_Gebeld_bereikt_records_no_second_call_and_earlier_unanswered_calls_do_not_count()
    {
        var reached = data.Add("s1", InMemorySurveyData.Contact("K1"));
        data.Call(reached, AttemptOutcome.Reached, Now.AddMinutes(-5));
        var unanswered = data.Add("s2", InMemorySurveyData.Contact("K2"));
        data.Call(unanswered, AttemptOutcome.NoAnswer, Now.AddDays(-1));

        await EnterAsync(reached, ResponseMode.Phone);
        await EnterAsync(unanswered, ResponseMode.Phone);

        Assert.Single(data.Attempts, a => a.Service == reached);
        Assert.Equal([AttemptOutcome.NoAnswer, AttemptOutcome.Reached], data.Attempts.Where(a => a.Service == unanswered).Select(a => a.Outcome));
        var audit = accounts.Audit.ToList();
        Assert.DoesNotContain("benaderd vastgelegd", audit[0].Detail);
        Assert.Contains("benaderd vastgelegd: Gebeld: bereikt", audit[1].Detail);
    }

    [Fact]
    public async Task A_paper_answer_without_a_letter_records_a_letter_sent_and_one_after_a_letter_records_nothing()
    {
        var withoutLetter = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var afterLetter = data.Add("s2", InMemorySurveyData.Contact("K2"));
        data.Attempts.Add(new ContactAttempt(afterLetter, new ContactStep(0), ContactMode.Letter, Now.AddDays(-7), AttemptOutcome.Sent));
        var returnedLetter = data.Add("s3", InMemorySurveyData.Contact("K3"));
        data.Attempts.Add(new ContactAttempt(returnedLetter, new ContactStep(0), ContactMode.Letter, Now.AddDays(-7), AttemptOutcome.Failed));

        foreach (var service in new[] { withoutLetter, afterLetter, returnedLetter }) await EnterAsync(service, ResponseMode.Paper);

        var letter = Assert.Single(data.Attempts, a => a.Service == withoutLetter);
        Assert.Equal((ContactMode.Letter, AttemptOutcome.Sent), (letter.Mode, letter.Outcome));
        Assert.Single(data.Attempts, a => a.Service == afterLetter);
        // A letter that came back reached no one: the form that did is recorded as a letter sent.
        Assert.Equal([AttemptOutcome.Failed, AttemptOutcome.Sent], data.Attempts.Where(a => a.Service == returnedLetter).Select(a => a.Outcome));
    }

    [Fact]
    public async Task Only_the_same_entry_by_the_same_person_in_the_same_mode_is_a_repeat_anything_else_is_already_answered()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        await EnterAsync(service, ResponseMode.Phone);

        async Task<AnswerEntryOutcome> Again(ResponseMode mode, string by, string grade) =>
            (await Service().EnterAsync(new AnswerEntry(service, mode, Valid(grade), by), default)).Outcome;
        Assert.Equal(AnswerEntryOutcome.Stored, await Again(ResponseMode.Phone, "piet@bureau.nl", "8"));
        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, await Again(ResponseMode.Phone, "piet@bureau.nl", "9"));
        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, await Again(ResponseMode.Phone, "anna@bureau.nl", "8"));
        Assert.Equal(AnswerEntryOutcome.AlreadyAnswered, await Again(ResponseMode.Paper, "piet@bureau.nl", "8"));
        Assert.Equal(8, (await data.FindAsync(service, default))!.Answers.Rapportcijfer);
        Assert.Single(accounts.Audit);
    }

    [Fact]
    public async Task An_entry_that_stores_nothing_records_no_contact_and_a_second_entry_of_the_same_answer_none_again()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var invalid = Valid("11");

        Assert.Equal(AnswerEntryOutcome.Invalid, (await EnterAsync(service, ResponseMode.Phone, invalid)).Outcome);
        Assert.Empty(data.Attempts);

        Assert.Equal(AnswerEntryOutcome.Stored, (await EnterAsync(service, ResponseMode.Phone)).Outcome);
        // The same entry again (a double click): answered as the first was, nothing recorded or audited twice.
        Assert.Equal(AnswerEntryOutcome.Stored, (await EnterAsync(service, ResponseMode.Phone)).Outcome);
        Assert.Single(data.Attempts);
        Assert.Single(accounts.Audit);
    }
}
