using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Letters;

/// <summary>The letter batch use case on in-memory ports: who gets a letter, which one, replacing and posting.</summary>
public sealed class LetterBatchServiceTests
{
    private const string Company = "acme";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryFieldwork fieldwork = new();
    private readonly InMemoryTokens tokens = new();
    private readonly InMemoryLetterBatches batches = new();
    private readonly RecordingLetterRenderer renderer = new();
    private readonly InMemoryAuditLog audit = new();
    private readonly SurveyFormKey key = SurveyFormKey.From("a configured secret");
    private readonly LetterBatchService service;

    public LetterBatchServiceTests()
    {
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Kto.Core.Companies.Company(Company, "Acme Re-integratie", time.GetUtcNow()), "hash", default).Wait();
        service = new LetterBatchService(fieldwork, companies, tokens, tokens, new FixedSurveyLinks(), batches, renderer,
            new ContactPolicy(new FieldworkSettings()), new QuestionnaireCatalog(new QuestionnaireSettings()), audit, time, key);
    }

    private static ServiceRef Ref(string id) => new(Company, 2026, id);

    private static ContactState State(ServiceStatus status = ServiceStatus.Open, bool hasEmail = false, bool bounced = false) =>
        new(status, hasEmail, bounced, 0, null, null);

    private static ContactDetails Contact(string klant, string? adres = "Dorpsstraat 1", string? postcode = "1234 AB", string? email = null, string? phone = null) =>
        new(klant, "Sam", "S.", "de", "Vries", email, phone, adres, postcode, "Utrecht");

    private void Clients()
    {
        fieldwork.Add(Ref("a-letter"), State(), Contact("K1"));
        fieldwork.Add(Ref("b-bounced"), State(hasEmail: true, bounced: true), Contact("K2", email: "x@example.nl"));
        fieldwork.Add(Ref("c-email"), State(hasEmail: true), Contact("K3", email: "y@example.nl"));
        fieldwork.Add(Ref("d-phone-only"), State(), Contact("K4", adres: null, phone: "0612345678"));
        fieldwork.Add(Ref("e-opted-out"), State(ServiceStatus.OptedOut), Contact("K5"));
        fieldwork.Add(Ref("f-responded"), State(ServiceStatus.Responded), Contact("K6"));
    }

    [Fact]
    public async Task A_batch_has_a_first_letter_for_every_open_client_the_post_reaches_and_nobody_else()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.MakeOutcome.Made, made.Outcome);
        Assert.Equal(2, made.Batch!.FirstLetters);
        Assert.Equal(0, made.Batch.ReminderLetters);
        var letters = Assert.Single(renderer.Documents).Letters;
        Assert.Equal(["K1", "K2"], letters.Select(l => l.Contact.Klantnummer).Order().ToArray());
        Assert.All(letters, l => Assert.True(l.Kind.IsInvitation));
        Assert.Equal("https://kto.test/k", renderer.Documents[0].ShortCodePage);
        Assert.Contains(audit.Entries, e => e.Action == AuditActions.LettersMade && e.Actor == "piet@bureau.nl" && e.Detail.Contains(made.Batch.Id));
    }

    [Fact]
    public async Task Each_letter_carries_a_fresh_link_and_a_short_code_that_both_open_that_client_and_only_hashes_are_stored()
    {
        Clients();
        await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        var limiter = new ShortCodeLimiter(new SurveySettings(), time);
        var codes = new ShortCodeService(tokens, tokens, limiter, key);

        foreach (var letter in renderer.Documents[0].Letters)
        {
            var expected = fieldwork.Contacts.Single(c => c.Value.Klantnummer == letter.Contact.Klantnummer).Key;
            var token = letter.SurveyUrl!.Split("t=")[1];
            Assert.Equal(expected, await tokens.FindAsync(Kto.Core.Access.SecretKeys.Hash(token), TokenPurpose.Survey, default));
            var opened = await codes.OpenAsync(letter.Code.ToLowerInvariant().Replace("-", " "), "198.51.100.7", default);
            Assert.Equal(ShortCodeOutcome.Found, opened.Outcome);
            Assert.Equal(expected, opened.Service);
            Assert.Equal(expected, await tokens.FindAsync(Kto.Core.Access.SecretKeys.Hash(opened.SurveyToken!), TokenPurpose.Survey, default));
            Assert.DoesNotContain(tokens.Rows.Keys, k => k.Contains(letter.Code.Replace("-", ""), StringComparison.OrdinalIgnoreCase));
            var code = letter.Code.Replace("-", "");
            Assert.Contains(key.CodeHash(code), tokens.Rows.Keys); // the keyed hash, not the plain SHA-256
            Assert.DoesNotContain(Kto.Core.Access.SecretKeys.Hash(code), tokens.Rows.Keys);
        }
    }

    [Fact]
    public async Task Nothing_due_makes_no_batch()
    {
        fieldwork.Add(Ref("c-email"), State(hasEmail: true), Contact("K3", email: "y@example.nl"));
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        Assert.Equal(LetterBatchService.MakeOutcome.NothingDue, made.Outcome);
        // The run's row stays (its status URL answers "empty") but no batch is listed and none has a PDF.
        Assert.Empty(await service.ListAsync(Company, 2026, default));
        Assert.Equal(LetterBatchState.Empty, Assert.Single(await batches.ListAsync(Company, default)).State);
        Assert.Empty(batches.Pdfs);
    }

    [Fact]
    public async Task Marking_a_batch_posted_twice_records_one_letter_attempt_per_client()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        var first = await service.MarkPostedAsync(Company, made.Batch!.Id, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(5));
        var second = await service.MarkPostedAsync(Company, made.Batch.Id, "anna@bureau.nl", default);

        Assert.Equal(LetterBatchService.PostOutcome.Recorded, first.Outcome);
        Assert.Equal(2, first.Recorded);
        Assert.Equal(LetterBatchService.PostOutcome.AlreadyPosted, second.Outcome);
        Assert.Equal(0, second.Recorded);
        var attempts = fieldwork.Attempts.Values.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal((ContactMode.Letter, AttemptOutcome.Sent), (a.Mode, a.Outcome)));
        Assert.Equal(["a-letter", "b-bounced"], attempts.Select(a => a.Service.ServiceId).Order().ToArray());
        Assert.Equal("piet@bureau.nl", second.Batch!.PostedBy);
    }

    [Fact]
    public async Task A_crash_half_way_through_posting_is_finished_by_a_mark_after_the_claim_ran_out_without_doubles()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        // As if the first mark set the posting time, wrote one attempt and died.
        var batch = (await batches.GetAsync(Company, made.Batch!.Id, default))!;
        var at = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        await batches.TryMarkPostedAsync(batch, await batches.YearVersionAsync(Company, 2026, default), at, "piet@bureau.nl",
            at + LetterBatchService.RecordingLease, default);
        var one = new ContactAttempt(Ref("a-letter"), ContactStep.Invitation, ContactMode.Letter, at, AttemptOutcome.Sent);
        await fieldwork.RecordAsync(one, ContactUpdate.For(one, TimeSpan.Zero), default);

        // While the first may still be writing, a second mark leaves the attempts to it.
        var meanwhile = await service.MarkPostedAsync(Company, made.Batch.Id, "piet@bureau.nl", default);
        Assert.Equal((LetterBatchService.PostOutcome.AlreadyPosted, 0), (meanwhile.Outcome, meanwhile.Recorded));
        // Nor does a batch made meanwhile write to a client of the posted batch again.
        Assert.Equal(LetterBatchService.MakeOutcome.NothingDue, (await service.MakeAsync(Company, 2026, "piet@bureau.nl", default)).Outcome);

        time.Advance(LetterBatchService.RecordingLease);
        var again = await service.MarkPostedAsync(Company, made.Batch.Id, "piet@bureau.nl", default);

        Assert.Equal(1, again.Recorded);
        Assert.Equal(2, fieldwork.Attempts.Count);
        var finished = Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersPosted);
        Assert.Contains("(afgemaakt)", finished.Detail);
        Assert.Contains($"batch {made.Batch.Id}, 1 brief vastgelegd", finished.Detail);
        Assert.Equal(0, (await service.MarkPostedAsync(Company, made.Batch.Id, "piet@bureau.nl", default)).Recorded);
        Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersPosted); // nothing left to finish: not audited again
    }

    [Fact]
    public async Task A_batch_made_while_the_last_is_marked_posted_repeats_no_first_letter()
    {
        Clients();
        var first = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(1));
        // The mark lands after the new batch read the year and before it is stored.
        batches.BeforeCommit = () => service.MarkPostedAsync(Company, first.Batch!.Id, "anna@bureau.nl", default);

        var second = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.MakeOutcome.NothingDue, second.Outcome);
        // The second batch found nothing due (it ends empty, not listed): no client got a letter twice.
        Assert.Single(await service.ListAsync(Company, 2026, default));
        Assert.Equal(2, fieldwork.Attempts.Count);
    }

    [Fact]
    public async Task A_batch_marked_posted_while_a_new_one_is_made_is_refused_as_replaced_and_the_new_one_posts_each_client_once()
    {
        Clients();
        var first = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(1));
        LetterBatchService.MakeResult? second = null;
        batches.BeforeCommit = async () => second = await service.MakeAsync(Company, 2026, "anna@bureau.nl", default);

        var posted = await service.MarkPostedAsync(Company, first.Batch!.Id, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.PostOutcome.Replaced, posted.Outcome);
        Assert.Empty(fieldwork.Attempts);
        Assert.Equal(first.Batch.Id, Assert.Single(second!.Replaced!).Id);
        await service.MarkPostedAsync(Company, second.Batch!.Id, "piet@bureau.nl", default);
        Assert.Equal(2, fieldwork.Attempts.Count);
    }

    [Fact]
    public async Task Two_makes_at_once_give_one_batch()
    {
        Clients();
        LetterBatchService.MakeResult? other = null;
        batches.BeforeCommit = async () => other = await service.MakeAsync(Company, 2026, "anna@bureau.nl", default);

        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(other!.Batch!.Id, made.Batch!.Id);
        Assert.Single(await batches.ListAsync(Company, default));
        Assert.NotNull(made.Pdf);
        Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersMade);
    }

    [Fact]
    public async Task Two_marks_at_once_record_and_audit_once_and_the_other_says_already_posted()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        LetterBatchService.PostResult? other = null;
        batches.BeforeCommit = async () => other = await service.MarkPostedAsync(Company, made.Batch!.Id, "anna@bureau.nl", default);

        var mine = await service.MarkPostedAsync(Company, made.Batch!.Id, "piet@bureau.nl", default);

        Assert.Equal((LetterBatchService.PostOutcome.Recorded, 2), (other!.Outcome, other.Recorded));
        Assert.Equal((LetterBatchService.PostOutcome.AlreadyPosted, 0), (mine.Outcome, mine.Recorded));
        Assert.Equal(2, fieldwork.Attempts.Count);
        Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersPosted);
    }

    [Fact]
    public async Task Making_the_batch_again_before_posting_replaces_the_earlier_one()
    {
        Clients();
        var first = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(2, second.Batch!.Count); // the same clients again
        var refused = await service.MarkPostedAsync(Company, first.Batch!.Id, "piet@bureau.nl", default);
        Assert.Equal(LetterBatchService.PostOutcome.Replaced, refused.Outcome);
        Assert.Empty(fieldwork.Attempts);
        Assert.Null(await service.ReadPdfAsync(Company, first.Batch.Id, default)); // its names and addresses are gone
        Assert.NotNull(await service.ReadPdfAsync(Company, second.Batch.Id, default));
        Assert.Equal(first.Batch.Id, Assert.Single(second.Replaced!).Id); // the page says which batch it replaced
        var listed = await service.ListAsync(Company, 2026, default);
        Assert.Equal([LetterBatchStatus.Open, LetterBatchStatus.Replaced], listed.Select(b => b.Status).ToArray());

        await service.MarkPostedAsync(Company, second.Batch.Id, "piet@bureau.nl", default);
        Assert.Equal(2, fieldwork.Attempts.Count);
    }

    [Fact]
    public async Task A_reminder_letter_comes_only_after_the_reminder_days_and_never_to_a_client_who_answered()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        await service.MarkPostedAsync(Company, made.Batch!.Id, "piet@bureau.nl", default);

        time.Advance(TimeSpan.FromDays(6.9));
        Assert.Equal(LetterBatchService.MakeOutcome.NothingDue, (await service.MakeAsync(Company, 2026, "piet@bureau.nl", default)).Outcome);

        // b answered in the meantime
        var (perceel, state) = fieldwork.Services[Ref("b-bounced")];
        fieldwork.Services[Ref("b-bounced")] = (perceel, state with { Status = ServiceStatus.Responded });
        time.Advance(TimeSpan.FromDays(0.2));
        var reminder = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.MakeOutcome.Made, reminder.Outcome);
        Assert.Equal((0, 1), (reminder.Batch!.FirstLetters, reminder.Batch.ReminderLetters));
        var letter = Assert.Single(renderer.Documents[^1].Letters);
        Assert.Equal("K1", letter.Contact.Klantnummer);
        Assert.Equal(1, letter.Kind.Number);
    }

    [Fact]
    public async Task An_unknown_batch_or_company_is_said_so()
    {
        Assert.Equal(LetterBatchService.MakeOutcome.UnknownCompany, (await service.MakeAsync("nobody", 2026, "x", default)).Outcome);
        Assert.Equal(LetterBatchService.PostOutcome.UnknownBatch, (await service.MarkPostedAsync(Company, "20260601-090000-abcd", "x", default)).Outcome);
        Assert.Equal(LetterBatchService.PostOutcome.UnknownBatch, (await service.MarkPostedAsync(Company, "../etc", "x", default)).Outcome);
        Assert.Null(await service.GetAsync(Company, "20260601-090000-abcd", default));
        Assert.Null(await service.GetAsync(Company, "../etc", default));
        Assert.Null(await service.ReadPdfAsync(Company, "../etc", default));
    }

    [Fact]
    public async Task A_batch_reads_the_contact_data_only_of_clients_a_letter_may_be_for()
    {
        Clients();
        await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        var read = fieldwork.ContactReads.Select(r => r.ServiceId).ToHashSet();
        Assert.Contains("a-letter", read);
        Assert.DoesNotContain("c-email", read);
        Assert.DoesNotContain("e-opted-out", read);
        Assert.DoesNotContain("f-responded", read);
    }

    [Fact]
    public async Task A_client_mailed_before_the_mail_bounced_still_gets_a_first_letter()
    {
        // The e-mail invitation was sent, then bounced: that attempt is no letter, so the first letter is still due.
        Clients();
        var mailed = new ContactAttempt(Ref("b-bounced"), ContactStep.Invitation, ContactMode.Email, time.GetUtcNow().AddDays(-3), AttemptOutcome.Sent);
        await fieldwork.RecordAsync(mailed, ContactUpdate.For(mailed, TimeSpan.Zero), default);
        fieldwork.Services[Ref("b-bounced")] = (Perceel.NaarWerk, State(hasEmail: true, bounced: true));

        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal((2, 0), (made.Batch!.FirstLetters, made.Batch.ReminderLetters));
    }

    [Fact]
    public async Task A_plan_after_a_stopped_try_keeps_none_of_what_that_try_left()
    {
        Clients();
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        // A try that died after saving an item for a client who needs no letter (as it would be found now).
        await batches.SaveItemsAsync(started.Batch!, [new LetterBatchItem("c-email", ContactStep.Invitation)], default);

        var planned = await service.PlanAsync(Company, started.Batch!.Id, default);

        Assert.Equal(2, planned!.Total);
        Assert.Equal(["a-letter", "b-bounced"], (await batches.ItemsAsync(Company, started.Batch.Id, default)).Select(i => i.ServiceId).Order());
    }

    [Fact]
    public async Task Each_step_of_the_run_renews_its_lease_so_a_make_meanwhile_joins_it()
    {
        Clients();
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        var id = started.Batch!.Id;
        time.Advance(TimeSpan.FromMinutes(6));
        await service.PlanAsync(Company, id, default);
        time.Advance(TimeSpan.FromMinutes(6)); // 12 minutes after the start, 6 after the plan
        Assert.Equal((LetterBatchService.StartOutcome.Joined, id), await Started());
        await service.WritePartAsync(Company, id, 0, default);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal((LetterBatchService.StartOutcome.Joined, id), await Started());

        // A run that stops renewing is given up by the next make, which starts afresh.
        time.Advance(LetterBatchService.WorkLease);
        var (outcome, other) = await Started();
        Assert.Equal(LetterBatchService.StartOutcome.Started, outcome);
        Assert.NotEqual(id, other);
        Assert.Equal(LetterBatchStatus.Failed, (await service.GetAsync(Company, id, default))!.Value.Status);

        async Task<(LetterBatchService.StartOutcome, string)> Started()
        {
            var again = await service.StartAsync(Company, 2026, "anna@bureau.nl", default);
            return (again.Outcome, again.Batch!.Id);
        }
    }

    [Fact]
    public async Task A_make_while_a_batch_is_being_made_answers_with_that_batch()
    {
        Clients();
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);

        var made = await service.MakeAsync(Company, 2026, "anna@bureau.nl", default);

        Assert.Equal(started.Batch!.Id, made.Batch!.Id);
        Assert.Equal(LetterBatchState.Making, made.Batch.State);
        Assert.Null(made.Pdf);
        Assert.NotNull(made.Replaced);
        Assert.Empty(made.Replaced);
        // The stored row, with its version: what a later step of the run compares against.
        Assert.Equal((await batches.GetAsync(Company, started.Batch.Id, default))!.Version, started.Batch.Version);
    }

    [Fact]
    public async Task A_client_whose_contact_data_went_before_the_letters_were_drawn_gets_no_letter()
    {
        Clients();
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        await service.PlanAsync(Company, started.Batch!.Id, default);
        fieldwork.Contacts.TryRemove(Ref("a-letter"), out _); // retention, between finding and drawing

        await service.WritePartAsync(Company, started.Batch.Id, 0, default);

        Assert.Equal("K2", Assert.Single(Assert.Single(renderer.Documents).Letters).Contact.Klantnummer);
    }

    [Fact]
    public async Task The_batch_pdf_is_titled_with_the_year_and_the_company()
    {
        Clients();
        await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        Assert.Equal("Brieven KTO 2026 – Acme Re-integratie", Assert.Single(renderer.Titles));
    }

    [Fact]
    public async Task A_batch_given_up_while_its_pdf_is_put_together_keeps_no_pdf()
    {
        Clients();
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        var id = started.Batch!.Id;
        await service.PlanAsync(Company, id, default);
        await service.WritePartAsync(Company, id, 0, default);
        renderer.OnMerge = () =>
        {
            var current = batches.GetAsync(Company, id, default).Result!;
            Assert.NotNull(batches.TryUpdateAsync(current with { State = LetterBatchState.Failed }, default).Result);
        };

        Assert.Null(await service.FinishAsync(Company, id, default));

        Assert.False(batches.Pdfs.ContainsKey(id));
        Assert.Equal(LetterBatchStatus.Failed, (await service.GetAsync(Company, id, default))!.Value.Status);
        Assert.DoesNotContain(audit.Entries, e => e.Action == AuditActions.LettersMade);
    }

    [Fact]
    public async Task A_failed_run_leaves_no_parts_and_no_pdf()
    {
        Clients();
        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        var id = started.Batch!.Id;
        await service.PlanAsync(Company, id, default);
        await service.WritePartAsync(Company, id, 0, default);
        await batches.SavePdfAsync(started.Batch, [1, 2, 3], default); // as if the last step saved it, then failed

        await service.FailAsync(Company, id, default);

        Assert.Empty(batches.Parts);
        Assert.Empty(batches.Pdfs);
        Assert.Equal(LetterBatchStatus.Failed, (await service.GetAsync(Company, id, default))!.Value.Status);
    }

    [Fact]
    public async Task Only_the_open_batch_is_replaced_a_posted_one_keeps_its_pdf_and_the_audit_says_which()
    {
        Clients();
        var first = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        var made = audit.Entries.Where(e => e.Action == AuditActions.LettersMade).Select(e => e.Detail).ToList();
        Assert.Equal($"Brieven 2026 gemaakt: batch {first.Batch!.Id}, 2 eerste brief, 0 herinnering", made[0]);
        Assert.EndsWith($"; vervangt {first.Batch.Id}", made[1]);

        await service.MarkPostedAsync(Company, second.Batch!.Id, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromDays(7.1));
        var reminders = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        // The posted batch is not replaced (its PDF stays with the post), nor is the first again: it was replaced already.
        Assert.Equal((0, 2), (reminders.Batch!.FirstLetters, reminders.Batch.ReminderLetters));
        Assert.Empty(reminders.Replaced!);
        Assert.NotNull(await service.ReadPdfAsync(Company, second.Batch.Id, default));
        Assert.DoesNotContain("vervangt", audit.Entries.Last(e => e.Action == AuditActions.LettersMade).Detail);
    }

    [Fact]
    public async Task Posting_writes_whole_seconds_holds_the_recording_claim_for_its_lease_and_answers_the_stored_batch()
    {
        Clients();
        time.Advance(TimeSpan.FromMilliseconds(700));
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        var posted = await service.MarkPostedAsync(Company, made.Batch!.Id, "piet@bureau.nl", default);

        var at = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(at, posted.Batch!.PostedAt);
        Assert.Equal(at + LetterBatchService.RecordingLease, posted.Batch.RecordingUntil);
        Assert.True(posted.Batch.AttemptsRecorded);
        Assert.All(fieldwork.Attempts.Values, a => Assert.Equal(at, a.At));
        Assert.Contains($"batch {made.Batch.Id}, 2 brieven vastgelegd", Assert.Single(audit.Entries, e => e.Action == AuditActions.LettersPosted).Detail);
    }

    [Fact]
    public async Task A_posted_reminder_batch_records_a_reminder_letter_beside_the_first()
    {
        Clients();
        var first = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        await service.MarkPostedAsync(Company, first.Batch!.Id, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromDays(7.1));
        var reminders = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);

        var posted = await service.MarkPostedAsync(Company, reminders.Batch!.Id, "piet@bureau.nl", default);

        Assert.Equal(2, posted.Recorded);
        Assert.Equal([0, 0, 1, 1], fieldwork.Attempts.Values.Select(a => a.Step.Number).Order());
    }

    [Fact]
    public async Task When_no_short_code_is_free_after_twenty_tries_the_step_fails_rather_than_loop()
    {
        Clients();
        var taken = new TakenCodes();
        var companies = new InMemoryCompanyStore();
        await companies.TryAddAsync(new Kto.Core.Companies.Company(Company, "Acme", time.GetUtcNow()), "hash", default);
        var crowded = new LetterBatchService(fieldwork, companies, tokens, taken, new FixedSurveyLinks(), batches, renderer,
            new ContactPolicy(new FieldworkSettings()), new QuestionnaireCatalog(new QuestionnaireSettings()), audit, time, key);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => crowded.MakeAsync(Company, 2026, "piet@bureau.nl", default));

        Assert.Contains("20 tries", failed.Message);
        Assert.Equal(21, taken.Tries);
    }

    [Fact]
    public async Task A_mark_gives_up_a_run_that_stopped_so_its_letters_can_never_follow_the_posted_ones()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(1));
        var stopped = await service.StartAsync(Company, 2026, "anna@bureau.nl", default); // its run never comes back in time
        time.Advance(LetterBatchService.WorkLease + TimeSpan.FromMinutes(1));

        var posted = await service.MarkPostedAsync(Company, made.Batch!.Id, "piet@bureau.nl", default);

        Assert.Equal((LetterBatchService.PostOutcome.Recorded, 2), (posted.Outcome, posted.Recorded));
        Assert.Equal(LetterBatchStatus.Failed, (await service.GetAsync(Company, stopped.Batch!.Id, default))!.Value.Status);
        Assert.Null(await service.PlanAsync(Company, stopped.Batch.Id, default)); // the late run stops at its next step
    }

    [Fact]
    public async Task A_mark_that_finds_every_attempt_written_after_a_crash_only_notes_it_and_audits_nothing()
    {
        var (batch, at) = await MadeAndRecordingAsync();
        foreach (var item in await batches.ItemsAsync(Company, batch.Id, default))
        {
            var attempt = new ContactAttempt(Ref(item.ServiceId), item.Letter, ContactMode.Letter, at, AttemptOutcome.Sent);
            await fieldwork.RecordAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), default);
        }
        time.Advance(LetterBatchService.RecordingLease);

        var again = await service.MarkPostedAsync(Company, batch.Id, "anna@bureau.nl", default);

        Assert.Equal((LetterBatchService.PostOutcome.AlreadyPosted, 0), (again.Outcome, again.Recorded));
        Assert.Equal(2, fieldwork.Attempts.Count);
        Assert.DoesNotContain(audit.Entries, e => e.Action == AuditActions.LettersPosted);
        Assert.True((await batches.GetAsync(Company, batch.Id, default))!.AttemptsRecorded);
    }

    [Fact]
    public async Task Batches_are_listed_newest_first_and_in_the_same_second_by_id()
    {
        var at = time.GetUtcNow();
        foreach (var id in new[] { "20260601-090000-1111", "20260601-090000-ffff", "20260601-080000-9999" })
            Assert.True(await batches.TryStartAsync(new LetterBatch(id, Company, 2026, id.Contains("-08") ? at.AddHours(-1) : at, "piet@bureau.nl", 1, 0),
                await batches.YearVersionAsync(Company, 2026, default), default));

        var listed = await service.ListAsync(Company, 2026, default);

        Assert.Equal(["20260601-090000-ffff", "20260601-090000-1111", "20260601-080000-9999"], listed.Select(l => l.Batch.Id));
        Assert.Equal([LetterBatchStatus.Open, LetterBatchStatus.Replaced, LetterBatchStatus.Replaced], listed.Select(l => l.Status));
    }

    [Fact]
    public async Task A_start_that_loses_to_a_change_that_made_no_batch_tries_again_and_starts()
    {
        Clients();
        batches.CommitsToRefuse = 1; // the year changed, but no batch appeared and none was posted

        var started = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.StartOutcome.Started, started.Outcome);
        Assert.Equal(2, batches.YearVersionReads); // the refused round and the one that started
    }

    [Fact]
    public async Task A_start_whose_year_never_stops_changing_gives_up_after_eight_rounds()
    {
        Clients();
        batches.CommitsToRefuse = int.MaxValue;

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(Company, 2026, "piet@bureau.nl", default));

        Assert.Equal(8, batches.YearVersionReads);
        Assert.Contains("kept changing while a batch was started (8 rounds)", failed.Message);
        Assert.Empty(await batches.ListAsync(Company, default));
    }

    [Fact]
    public async Task A_mark_whose_year_never_stops_changing_gives_up_after_eight_rounds_and_records_nothing()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        batches.YearVersionReads = 0;
        batches.CommitsToRefuse = int.MaxValue;

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => service.MarkPostedAsync(Company, made.Batch!.Id, "piet@bureau.nl", default));

        Assert.Equal(8, batches.YearVersionReads);
        Assert.Contains($"batch {made.Batch!.Id} was marked posted", failed.Message);
        Assert.Empty(fieldwork.Attempts);
        Assert.False((await batches.GetAsync(Company, made.Batch.Id, default))!.IsPosted);
    }

    [Fact]
    public async Task A_start_that_loses_to_a_post_and_a_make_joins_the_new_batch_without_naming_the_posted_one_replaced()
    {
        Clients();
        var open = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromMinutes(1));
        LetterBatchService.StartResult? other = null;
        // Just before this start commits, someone posts the open batch and then starts a batch of their own.
        batches.BeforeCommit = async () =>
        {
            await service.MarkPostedAsync(Company, open.Batch!.Id, "anna@bureau.nl", default);
            other = await service.StartAsync(Company, 2026, "anna@bureau.nl", default);
        };

        var joined = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.StartOutcome.Joined, joined.Outcome);
        Assert.Equal(other!.Batch!.Id, joined.Batch!.Id);
        // The open batch was posted meanwhile: it is replaced by nobody (it was open when this start first looked).
        Assert.Empty(joined.Replaces ?? []);
    }

    [Fact]
    public async Task A_start_that_loses_to_a_double_click_after_an_earlier_post_joins_it_and_names_the_open_batch_it_replaces()
    {
        Clients();
        var posted = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        await service.MarkPostedAsync(Company, posted.Batch!.Id, "piet@bureau.nl", default);
        time.Advance(TimeSpan.FromDays(7.1));
        var open = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default); // reminders, not posted
        time.Advance(TimeSpan.FromMinutes(1));
        LetterBatchService.StartResult? other = null;
        batches.BeforeCommit = async () => other = await service.StartAsync(Company, 2026, "anna@bureau.nl", default);

        var joined = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);

        // The batch posted long before is no change: the start made alongside is the answer, and it replaces the open one.
        Assert.Equal(LetterBatchService.StartOutcome.Joined, joined.Outcome);
        Assert.Equal(other!.Batch!.Id, joined.Batch!.Id);
        Assert.Equal([open.Batch!.Id], joined.Replaces!.Select(b => b.Id));
    }

    [Fact]
    public async Task Marking_a_run_that_stopped_posted_gives_it_up_and_answers_it_failed()
    {
        Clients();
        var stopped = await service.StartAsync(Company, 2026, "piet@bureau.nl", default);
        time.Advance(LetterBatchService.WorkLease + TimeSpan.FromMinutes(1));

        var mark = await service.MarkPostedAsync(Company, stopped.Batch!.Id, "piet@bureau.nl", default);

        Assert.Equal(LetterBatchService.PostOutcome.NotReady, mark.Outcome);
        Assert.Equal(LetterBatchState.Failed, mark.Batch!.State); // the batch as it is now, not as first read
    }

    [Fact]
    public async Task A_mark_that_takes_over_a_stopped_recording_holds_the_claim_for_a_lease_from_its_own_time()
    {
        var (batch, _) = await MadeAndRecordingAsync();
        time.Advance(LetterBatchService.RecordingLease + TimeSpan.FromMinutes(1));
        var takeover = time.GetUtcNow();

        var again = await service.MarkPostedAsync(Company, batch.Id, "anna@bureau.nl", default);

        Assert.Equal((LetterBatchService.PostOutcome.AlreadyPosted, 2), (again.Outcome, again.Recorded));
        Assert.Equal(takeover + LetterBatchService.RecordingLease, (await batches.GetAsync(Company, batch.Id, default))!.RecordingUntil);
    }

    /// <summary>A made batch whose posting piet started now (its recording claim taken), as a mark that crashed leaves it.</summary>
    private async Task<(LetterBatch Batch, DateTimeOffset At)> MadeAndRecordingAsync()
    {
        Clients();
        var made = await service.MakeAsync(Company, 2026, "piet@bureau.nl", default);
        var batch = (await batches.GetAsync(Company, made.Batch!.Id, default))!;
        var at = time.GetUtcNow();
        await batches.TryMarkPostedAsync(batch, await batches.YearVersionAsync(Company, 2026, default), at, "piet@bureau.nl",
            at + LetterBatchService.RecordingLease, default);
        return (batch, at);
    }

    /// <summary>A code store where every code is taken already.</summary>
    private sealed class TakenCodes : IShortCodeStore
    {
        public int Tries;
        public Task<bool> TryAddAsync(string codeHash, ServiceRef service, CancellationToken cancellationToken)
        {
            Tries++;
            return Task.FromResult(false);
        }

        public Task<ServiceRef?> FindAsync(string codeHash, CancellationToken cancellationToken) => Task.FromResult<ServiceRef?>(null);
    }
}
