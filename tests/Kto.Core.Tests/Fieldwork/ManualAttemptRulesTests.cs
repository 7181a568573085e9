using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// Recording a letter or a call by hand (every door: API, portal, CLI): which records are accepted, the calling rules,
/// repeats that record nothing twice, and the audit line that says who recorded what.
/// </summary>
public sealed class ManualAttemptRulesTests
{
    // Monday 30 November 2026, 11:00 in Amsterdam: calling time.
    private static readonly DateTimeOffset Monday11 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sunday11 = Monday11.AddDays(-1);
    private const string Piet = "piet@bureau.nl";
    private readonly ScriptedFieldworkStore store = new();
    private readonly InMemoryAccounts audit = new();
    private readonly FakeTimeProvider time = new(Monday11.AddMinutes(3));

    private ManualAttemptService Service(int maxCalls = 5) =>
        new(store, audit, new ContactPolicy(new FieldworkSettings { MaxCallAttempts = maxCalls }), time);

    private ServiceRef Client(int steps = 0) => store.Add("S1", InMemorySurveyData.Contact("K1"), steps: steps);

    [Theory]
    [InlineData(ContactMode.Email)]
    [InlineData(null)]
    public async Task Only_letters_and_calls_are_recorded_by_hand(ContactMode? mode)
    {
        // E-mail attempts are the mail job's alone; a door that names no known mode records nothing.
        var client = Client();

        Assert.Equal(ManualAttemptOutcome.ModeNotManual, await Service().RecordAsync(Piet, client, mode, AttemptOutcome.Sent, Monday11, default));
        Assert.Empty(store.Attempts);
        Assert.Empty(audit.Audit);
    }

    [Theory]
    [InlineData(ContactMode.Letter, AttemptOutcome.Reached)]
    [InlineData(ContactMode.Letter, AttemptOutcome.Unknown)]
    [InlineData(ContactMode.Phone, AttemptOutcome.Sent)]
    [InlineData(ContactMode.Phone, AttemptOutcome.Deferred)]
    [InlineData(ContactMode.Letter, null)]
    public async Task An_outcome_must_be_one_the_mode_allows(ContactMode mode, AttemptOutcome? outcome)
    {
        // A letter is sent or comes back; a call is never "sent": a wrong pair would count as an approach that was not.
        var client = Client();

        Assert.Equal(ManualAttemptOutcome.OutcomeNotAllowed, await Service().RecordAsync(Piet, client, mode, outcome, Monday11, default));
        Assert.Empty(store.Attempts);
    }

    [Fact]
    public async Task A_call_back_needs_the_time_the_client_asked_for_and_only_a_call_back_keeps_one()
    {
        var client = Client();
        var asked = Monday11.AddDays(2);

        Assert.Equal(ManualAttemptOutcome.CallBackTimeMissing,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.CallBack, Monday11, default));
        Assert.Empty(store.Attempts);

        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.CallBack, Monday11, default, callBackAt: asked));
        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.NoAnswer, Monday11, default, callBackAt: asked));

        Assert.Equal([asked, null], store.Attempts.Select(a => a.CallBackAt));
    }

    [Fact]
    public async Task A_service_that_does_not_exist_records_nothing()
    {
        Client();
        var unknown = new ServiceRef("acme", 2026, "S404");

        Assert.Equal(ManualAttemptOutcome.UnknownService,
            await Service().RecordAsync(Piet, unknown, ContactMode.Letter, AttemptOutcome.Sent, Monday11, default));
        Assert.Empty(store.Attempts);
        Assert.Empty(audit.Audit);
    }

    [Fact]
    public async Task A_record_is_stored_at_the_clients_current_step_with_who_recorded_it_and_audited_once()
    {
        var client = Client(steps: 2);

        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.Reached, Monday11, default));

        var (attempt, update) = Assert.Single(store.Recorded);
        Assert.Equal((client, new ContactStep(2), ContactMode.Phone, AttemptOutcome.Reached, Monday11, Piet),
            (attempt.Service, attempt.Step, attempt.Mode, attempt.Outcome, attempt.At, attempt.By));
        // The outcome moves the service on by the one rule for attempts (a reached client counts as approached).
        Assert.Equal(ContactUpdate.For(attempt, TimeSpan.Zero), update);
        Assert.True(update.Approached);

        // The audit line: when it was recorded (not the attempt's time), by whom, for which company, in plain Dutch.
        var line = Assert.Single(audit.Audit);
        Assert.Equal((time.GetUtcNow(), Piet, AuditActions.AttemptRecorded, "acme", "Gebeld: bereikt (dienst S1, 2026)"),
            (line.At, line.Actor, line.Action, line.Company, line.Detail));
    }

    [Fact]
    public async Task A_letter_may_be_recorded_on_sunday_but_a_call_may_not()
    {
        // Calling hours bind interviewers, not the post.
        var client = Client();

        Assert.Equal(ManualAttemptOutcome.OutsideCallingHours,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.NoAnswer, Sunday11, default));
        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Sent, Sunday11, default));

        Assert.Equal([ContactMode.Letter], store.Attempts.Select(a => a.Mode));
    }

    [Fact]
    public async Task After_a_refusal_no_call_is_recorded_but_a_letter_still_is()
    {
        var client = Client();
        store.Attempts.Add(new ContactAttempt(client, ContactStep.Invitation, ContactMode.Phone, Monday11.AddDays(-3), AttemptOutcome.Refused));

        Assert.Equal(ManualAttemptOutcome.CallingEnded,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.Reached, Monday11, default));
        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Sent, Monday11, default));
        Assert.Equal(2, store.Attempts.Count);
    }

    [Fact]
    public async Task The_maximum_number_of_calls_ends_calling_at_every_door()
    {
        var client = Client();
        var service = Service(maxCalls: 2);

        Assert.Equal(ManualAttemptOutcome.Recorded, await service.RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.NoAnswer, Monday11, default));
        Assert.Equal(ManualAttemptOutcome.Recorded, await service.RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.Voicemail, Monday11, default));
        Assert.Equal(ManualAttemptOutcome.CallingEnded, await service.RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.Reached, Monday11, default));
        Assert.Equal(2, audit.Audit.Count);
    }

    [Fact]
    public async Task A_repeat_of_the_step_the_person_saw_records_nothing_even_after_the_first_moved_the_client_on()
    {
        // The form was for step 0; the first post stored the letter and moved the client to step 1. The double click
        // still says step 0: it must not become a reminder letter.
        var client = Client();

        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Sent, Monday11, default, seenStep: 0));
        Assert.Equal(1, store.StateOf(client).StepsSent);
        Assert.Equal(ManualAttemptOutcome.AlreadyRecorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Sent, Monday11.AddSeconds(2), default, seenStep: 0));
        Assert.Single(store.Attempts);
        Assert.Single(audit.Audit);

        // Without a seen step the stored step counts: a letter now is the next one, for step 1.
        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Sent, Monday11.AddDays(7), default));
        Assert.Equal([0, 1], store.Attempts.Select(a => a.Step.Number));
    }

    [Fact]
    public async Task Only_the_same_step_mode_and_outcome_make_a_repeat()
    {
        // The person saw step 1 each time (the page was not reloaded in between).
        var client = Client(steps: 1);
        await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.NoAnswer, Monday11, default, seenStep: 1);

        Assert.Equal(ManualAttemptOutcome.AlreadyRecorded,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.NoAnswer, Monday11, default, seenStep: 1));
        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Phone, AttemptOutcome.Voicemail, Monday11, default, seenStep: 1));
        Assert.Equal(ManualAttemptOutcome.Recorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Failed, Monday11, default, seenStep: 1));
        Assert.Equal(3, store.Attempts.Count);
    }

    [Fact]
    public async Task Of_two_identical_records_at_the_same_moment_the_one_storage_refuses_is_not_audited()
    {
        // Another instance wrote the same record between the read and the create-only write.
        var client = Client();
        store.RecordOnceRace = true;

        Assert.Equal(ManualAttemptOutcome.AlreadyRecorded,
            await Service().RecordAsync(Piet, client, ContactMode.Letter, AttemptOutcome.Sent, Monday11, default));
        Assert.Empty(audit.Audit);
    }

    [Theory]
    [InlineData(ContactMode.Letter, AttemptOutcome.Sent, "Brief verstuurd")]
    [InlineData(ContactMode.Letter, AttemptOutcome.Failed, "Brief kwam terug")]
    [InlineData(ContactMode.Phone, AttemptOutcome.Reached, "Gebeld: bereikt")]
    [InlineData(ContactMode.Phone, AttemptOutcome.NoAnswer, "Gebeld: geen gehoor")]
    [InlineData(ContactMode.Phone, AttemptOutcome.Voicemail, "Gebeld: voicemail ingesproken")]
    [InlineData(ContactMode.Phone, AttemptOutcome.Refused, "Gebeld: wil niet meedoen")]
    [InlineData(ContactMode.Phone, AttemptOutcome.WrongNumber, "Gebeld: verkeerd nummer")]
    [InlineData(ContactMode.Phone, AttemptOutcome.CallBack, "Gebeld: terugbellen gevraagd")]
    [InlineData(ContactMode.Phone, AttemptOutcome.Failed, "Gebeld: mislukt")]
    [InlineData(ContactMode.Email, AttemptOutcome.Deferred, "email: deferred")]
    [InlineData(ContactMode.Letter, AttemptOutcome.Reached, "letter: reached")]
    public void The_portal_and_the_audit_log_say_what_was_recorded_in_plain_dutch(ContactMode mode, AttemptOutcome outcome, string text)
    {
        // A pair no person can record (the mail job's) falls back to the stored names rather than a wrong sentence.
        Assert.Equal(text, ManualAttemptService.Describe(mode, outcome));
    }

    [Fact]
    public void The_portal_offers_the_letter_outcomes_first_then_the_call_outcomes()
    {
        var choices = ManualAttemptService.Choices().ToList();

        Assert.Equal(
            ManualAttemptService.AllowedOutcomes(ContactMode.Letter).Select(o => (ContactMode.Letter, o))
                .Concat(ManualAttemptService.AllowedOutcomes(ContactMode.Phone).Select(o => (ContactMode.Phone, o))),
            choices);
        Assert.Equal(9, choices.Count);
    }
}
