using Kto.Core.Fieldwork;
using Kto.Core.Interviews;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Interviews;

/// <summary>
/// An entered answer is also a contact: a phone answer a call that reached the client, a paper answer a letter. Without
/// it a client answered but was never approached, and the report's UWV checks fail ("meer deelnemers dan benaderd").
/// </summary>
public class AnswerEntryContactTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemorySurveyData data = new();
    private readonly InMemoryAccounts accounts = new();

    private AnswerEntryService Service() => new(data, data, data, new QuestionnaireCatalog(new QuestionnaireSettings()),
        new ContactPolicy(new FieldworkSettings()), accounts, new FakeTimeProvider(Now));

    private Task<AnswerEntryResult> EnterAsync(ServiceRef service, ResponseMode mode, Dictionary<string, string?>? answers = null) =>
        Service().EnterAsync(new AnswerEntry(service, mode, answers ?? AnswerEntryServiceTests.Valid(), "piet@bureau.nl"), default);

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
            (await Service().EnterAsync(new AnswerEntry(service, mode, AnswerEntryServiceTests.Valid(grade), by), default)).Outcome;
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
        var invalid = AnswerEntryServiceTests.Valid("11");

        Assert.Equal(AnswerEntryOutcome.Invalid, (await EnterAsync(service, ResponseMode.Phone, invalid)).Outcome);
        Assert.Empty(data.Attempts);

        Assert.Equal(AnswerEntryOutcome.Stored, (await EnterAsync(service, ResponseMode.Phone)).Outcome);
        // The same entry again (a double click): answered as the first was, nothing recorded or audited twice.
        Assert.Equal(AnswerEntryOutcome.Stored, (await EnterAsync(service, ResponseMode.Phone)).Outcome);
        Assert.Single(data.Attempts);
        Assert.Single(accounts.Audit);
    }
}
