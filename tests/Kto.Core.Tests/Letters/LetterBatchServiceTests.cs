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
        Assert.Equal(0, (await service.MarkPostedAsync(Company, made.Batch.Id, "piet@bureau.nl", default)).Recorded);
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
    }
}
