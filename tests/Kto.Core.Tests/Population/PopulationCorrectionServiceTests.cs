using System.Runtime.CompilerServices;
using Kto.Core.Accounts;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Population;
using Kto.Core.Reports;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Population;

/// <summary>Withdrawing and correcting a service through the use case, and the readers that apply the result.</summary>
public class PopulationCorrectionServiceTests
{
    private static readonly DateOnly March = new(2026, 3, 15);
    private readonly InMemoryCorrectionStore store = new();
    private readonly InMemoryAccounts audit = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly ServiceRef s1;

    public PopulationCorrectionServiceTests() => s1 = store.Deliver("acme", 2026, Id("s1"), Perceel.NaarWerk, March, "K100").Ref;

    /// <summary>A service id of the shape ingest writes, for a short name.</summary>
    private static string Id(string name) => new ServiceKey(name, Perceel.NaarWerk, March).Id();

    private PopulationCorrectionService Service() => new(store, audit, time);

    private static CorrectionRequest Withdraw(string reason, string? note = null) => new(true, reason, note, null, null, "anna@bureau.nl");

    private static CorrectionRequest Correct(string reason, string? perceel = null, string? einddatum = null) =>
        new(false, reason, null, perceel, einddatum, "bureau-key");

    [Fact]
    public async Task Withdrawing_records_a_fact_with_reason_note_and_who_and_audits_it_without_note()
    {
        var result = await Service().ApplyAsync(s1, Withdraw("wrong-company", "Cliënt hoort bij Beta"), default);

        Assert.Equal(CorrectionOutcome.Done, result.Outcome);
        Assert.True(result.Service!.Current.Withdrawn);
        var fact = Assert.Single(store.All);
        Assert.Equal((1, CorrectionKind.Withdrawn, CorrectionReason.WrongCompany, "Cliënt hoort bij Beta", "anna@bureau.nl", Perceel.NaarWerk),
            (fact.Sequence, fact.Kind, fact.Reason, fact.Note, fact.Actor, fact.PerceelBefore));
        Assert.Null(fact.CorrectedId);
        var entry = Assert.Single(audit.Audit);
        Assert.Equal((AuditActions.ServiceWithdrawn, "anna@bureau.nl", "acme"), (entry.Action, entry.Actor, entry.Company));
        Assert.Contains(s1.ServiceId, entry.Detail);
        Assert.DoesNotContain("Beta", entry.Detail);
        Assert.DoesNotContain("K100", entry.Detail);
    }

    [Fact]
    public async Task A_withdrawn_service_stays_withdrawn()
    {
        await Service().ApplyAsync(s1, Withdraw("not-ended"), default);

        Assert.Equal(CorrectionOutcome.AlreadyWithdrawn, (await Service().ApplyAsync(s1, Withdraw("wrong-company"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.AlreadyWithdrawn, (await Service().ApplyAsync(s1, Correct("delivery-error", perceel: "Praktijkassessment"), default)).Outcome);
        Assert.Single(store.All);
    }

    [Fact]
    public async Task A_perceel_correction_keeps_the_old_value_and_knows_the_corrected_key()
    {
        var result = await Service().ApplyAsync(s1, Correct("delivery-error", perceel: "praktijkassessment"), default);

        Assert.Equal(CorrectionOutcome.Done, result.Outcome);
        Assert.Equal(Perceel.Praktijkassessment, result.Service!.Current.Perceel);
        Assert.Equal(Perceel.NaarWerk, result.Service.Delivered.Perceel);
        var fact = Assert.Single(store.All);
        Assert.Equal((Perceel.NaarWerk, (Perceel?)Perceel.Praktijkassessment), (fact.PerceelBefore, fact.NewPerceel));
        Assert.Equal(new ServiceKey("K100", Perceel.Praktijkassessment, March).Id(), fact.CorrectedId);
        Assert.Equal(AuditActions.ServiceCorrected, Assert.Single(audit.Audit).Action);
    }

    [Fact]
    public async Task Perceel_and_end_date_together_are_two_facts_in_order_the_second_key_carrying_both()
    {
        var result = await Service().ApplyAsync(s1, Correct("uwv-record", perceel: "Werkfit maken", einddatum: "2026-04-30"), default);

        Assert.Equal(CorrectionOutcome.Done, result.Outcome);
        Assert.Equal(new CorrectedService(false, Perceel.WerkfitMaken, new DateOnly(2026, 4, 30)), result.Service!.Current);
        Assert.Equal([CorrectionKind.Perceel, CorrectionKind.Einddatum], store.All.Select(c => c.Kind));
        Assert.Equal(new ServiceKey("K100", Perceel.WerkfitMaken, new DateOnly(2026, 4, 30)).Id(), store.All[1].CorrectedId);
        Assert.Equal(Perceel.WerkfitMaken, store.All[1].PerceelBefore);
    }

    [Theory]
    [InlineData("2027-01-05", CorrectionOutcome.OtherYear)]
    [InlineData("2025-12-31", CorrectionOutcome.OtherYear)]
    [InlineData("2026-12-01", CorrectionOutcome.InFuture)]
    [InlineData("31-02-2026", CorrectionOutcome.InvalidDate)]
    [InlineData("2026-03-15", CorrectionOutcome.NoChange)]
    public async Task End_dates_outside_the_year_in_the_future_unreadable_or_unchanged_are_refused(string einddatum, CorrectionOutcome expected)
    {
        Assert.Equal(expected, (await Service().ApplyAsync(s1, Correct("delivery-error", einddatum: einddatum), default)).Outcome);
        Assert.Empty(store.All);
        Assert.Empty(audit.Audit);
    }

    [Theory]
    [InlineData(true, "delivery-error")]
    [InlineData(true, "")]
    [InlineData(false, "wrong-company")]
    [InlineData(false, "typo")]
    public async Task A_reason_must_fit_the_kind_of_change(bool withdraw, string reason)
    {
        var request = withdraw ? Withdraw(reason) : Correct(reason, perceel: "Praktijkassessment");
        Assert.Equal(CorrectionOutcome.InvalidReason, (await Service().ApplyAsync(s1, request, default)).Outcome);
        Assert.Empty(store.All);
    }

    [Fact]
    public async Task Unknown_services_perceel_names_long_notes_and_empty_corrections_are_refused()
    {
        var service = Service();
        Assert.Equal(CorrectionOutcome.UnknownService, (await service.ApplyAsync(s1 with { ServiceId = Id("nope") }, Withdraw("not-ended"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.UnknownService, (await service.ApplyAsync(s1 with { ServiceId = "s1#'" }, Withdraw("not-ended"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.UnknownService, (await service.ApplyAsync(s1 with { Year = 2025 }, Withdraw("not-ended"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.UnknownPerceel, (await service.ApplyAsync(s1, Correct("delivery-error", perceel: "Perceel 9"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.NoteTooLong, (await service.ApplyAsync(s1, Withdraw("not-ended", new string('x', 501)), default)).Outcome);
        Assert.Equal(CorrectionOutcome.NothingToCorrect, (await service.ApplyAsync(s1, Correct("delivery-error"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.NoChange, (await service.ApplyAsync(s1, Correct("delivery-error", perceel: "Naar werk"), default)).Outcome);
        Assert.Empty(store.All);
    }

    [Fact]
    public async Task A_correction_that_races_another_takes_the_next_number_and_applies_on_top()
    {
        // Another bureau user corrects the perceel between our read and our write, taking number 1.
        store.TakenBeforeAdd = ours => store.TryAddAsync(ours with
        {
            Kind = CorrectionKind.Perceel, Reason = CorrectionReason.ClientStatement, NewEinddatum = null, NewPerceel = Perceel.WerkfitMaken, Actor = "piet@bureau.nl",
        }, default).Wait();

        var result = await Service().ApplyAsync(s1, Correct("delivery-error", einddatum: "2026-04-01"), default);

        Assert.Equal(CorrectionOutcome.Done, result.Outcome);
        Assert.Equal([(1, "piet@bureau.nl"), (2, "bureau-key")], store.All.Select(c => (c.Sequence, c.Actor)));
        Assert.Equal(Perceel.WerkfitMaken, store.All[1].PerceelBefore);
        Assert.Equal(new CorrectedService(false, Perceel.WerkfitMaken, new DateOnly(2026, 4, 1)), result.Service!.Current);
    }

    [Fact]
    public async Task The_list_finds_a_client_by_klantnummer_ignoring_case_and_spaces()
    {
        store.Deliver("acme", 2026, Id("s2"), Perceel.NaarWerk, March, "K200");
        store.Deliver("acme", 2026, Id("s3"), Perceel.Praktijkassessment, March, "k 100");
        store.Deliver("beta", 2026, Id("s4"), Perceel.NaarWerk, March, "K100");

        var found = await Service().ListAsync("acme", 2026, " k100 ", default);

        Assert.Equal(new[] { Id("s1"), Id("s3") }.Order(), found.Select(h => h.Delivered.Ref.ServiceId).Order());
        Assert.Equal(3, (await Service().ListAsync("acme", 2026, null, default)).Count);
    }

    [Fact]
    public async Task Readers_apply_corrections_mail_and_report_skip_a_withdrawn_service_and_count_a_corrected_perceel()
    {
        var s2 = store.Deliver("acme", 2026, Id("s2"), Perceel.NaarWerk, March, "K200").Ref;
        store.Deliver("acme", 2026, Id("s3"), Perceel.NaarWerk, March, "K300");
        await Service().ApplyAsync(s1, Withdraw("wrong-company"), default);
        await Service().ApplyAsync(s2, Correct("delivery-error", perceel: "Praktijkassessment"), default);

        var fieldwork = new CorrectedFieldworkStore(new Candidates(store), store);
        var candidates = await fieldwork.CandidatesAsync("acme", 2026, default).ToListAsync();
        Assert.Equal([(Id("s2"), Perceel.Praktijkassessment), (Id("s3"), Perceel.NaarWerk)],
            candidates.Select(c => (c.Ref.ServiceId, c.Perceel)).OrderBy(x => x.ServiceId == Id("s3")));
        Assert.Null(await fieldwork.GetAsync(s1, default));

        var report = new CorrectedReportSource(new Candidates(store), store);
        Assert.Equal([(Id("s2"), Perceel.Praktijkassessment), (Id("s3"), Perceel.NaarWerk)],
            (await report.ServicesAsync("acme", 2026, default).ToListAsync()).Select(s => (s.ServiceId, s.Perceel)).OrderBy(x => x.ServiceId == Id("s3")));
    }

    [Fact]
    public async Task One_service_s_history_shows_its_corrections_in_order_and_a_non_id_or_unknown_service_none()
    {
        await Service().ApplyAsync(s1, Correct("uwv-record", perceel: "Werkfit maken"), default);
        await Service().ApplyAsync(s1, Correct("delivery-error", einddatum: "1-4-2026"), default);
        await Service().ApplyAsync(s1, Correct("client-statement", einddatum: "02-04-2026"), default);

        var history = await Service().GetAsync(s1, default);

        Assert.Equal([1, 2, 3], history!.Corrections.Select(c => c.Sequence));
        Assert.Equal(new CorrectedService(false, Perceel.WerkfitMaken, new DateOnly(2026, 4, 2)), history.Current);
        Assert.Null(await Service().GetAsync(s1 with { ServiceId = Id("nope") }, default));
        Assert.Null(await Service().GetAsync(s1 with { ServiceId = new string('g', 32) }, default));
    }

    [Fact]
    public async Task A_correction_fact_holds_only_the_value_of_its_own_kind_and_an_unchanged_half_of_a_pair_makes_no_fact()
    {
        var result = await Service().ApplyAsync(s1, Correct("uwv-record", perceel: "Naar werk", einddatum: "2026-04-30"), default);

        Assert.Equal(CorrectionOutcome.Done, result.Outcome);
        var fact = Assert.Single(store.All); // the perceel was Naar werk already
        Assert.Equal((CorrectionKind.Einddatum, (Perceel?)null, (DateOnly?)new DateOnly(2026, 4, 30)), (fact.Kind, fact.NewPerceel, fact.NewEinddatum));
        await Service().ApplyAsync(s1, Correct("uwv-record", perceel: "Werkfit maken"), default);
        Assert.Equal((CorrectionKind.Perceel, (Perceel?)Perceel.WerkfitMaken, (DateOnly?)null), (store.All[1].Kind, store.All[1].NewPerceel, store.All[1].NewEinddatum));
        Assert.Equal("Dienst " + s1.ServiceId + " (2026) perceel Naar werk → Werkfit maken: " + CorrectionReasons.DutchLabel(CorrectionReason.UwvRecord),
            audit.Audit.ElementAt(1).Detail);
        Assert.Contains("einddatum 2026-03-15 → 2026-04-30", audit.Audit.First().Detail);
    }

    [Fact]
    public async Task A_repeat_of_the_same_change_writes_nothing_but_the_same_value_for_another_reason_or_note_is_no_repeat()
    {
        var first = await Service().ApplyAsync(s1, Correct("uwv-record", perceel: "Werkfit maken", einddatum: "2026-04-30"), default);
        var again = await Service().ApplyAsync(s1, Correct("uwv-record", perceel: "Werkfit maken", einddatum: "2026-04-30"), default);

        Assert.Equal((CorrectionOutcome.Done, CorrectionOutcome.Done), (first.Outcome, again.Outcome));
        Assert.Equal(2, store.All.Count);
        Assert.Equal(first.Service!.Current, again.Service!.Current);
        Assert.Equal(CorrectionOutcome.NoChange, (await Service().ApplyAsync(s1, Correct("delivery-error", perceel: "Werkfit maken"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.NoChange, (await Service().ApplyAsync(s1, Correct("uwv-record", einddatum: "2026-04-30") with { Note = "nagebeld" }, default)).Outcome);
        Assert.Equal(2, store.All.Count);

        await Service().ApplyAsync(s1, Withdraw("not-ended", "eerste"), default);
        Assert.Equal(CorrectionOutcome.Done, (await Service().ApplyAsync(s1, Withdraw("not-ended", "eerste"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.AlreadyWithdrawn, (await Service().ApplyAsync(s1, Withdraw("not-ended", "tweede"), default)).Outcome);
        Assert.Single(store.All, c => c.Kind == CorrectionKind.Withdrawn);
    }

    [Fact]
    public async Task A_note_of_the_longest_length_and_an_end_date_of_today_are_accepted()
    {
        Assert.Equal(CorrectionOutcome.Done, (await Service().ApplyAsync(s1, Correct("delivery-error", einddatum: "2026-11-30"), default)).Outcome);
        Assert.Equal(CorrectionOutcome.Done, (await Service().ApplyAsync(s1, Withdraw("not-ended", new string('x', PopulationCorrectionService.MaxNoteLength)), default)).Outcome);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef0123456789abcdeg", false)]
    [InlineData("0123456789abcdef0123456789abcde", false)]
    [InlineData("ghijklmnopqrstuvwxyzghijklmnopqr", false)]
    public void Only_an_id_of_the_shape_ingest_writes_is_a_service_id(string id, bool valid) =>
        Assert.Equal(valid, PopulationCorrectionService.IsServiceId(id));

    [Fact]
    public async Task The_list_shows_each_service_corrected_ordered_by_klantnummer_then_end_date()
    {
        var later = store.Deliver("acme", 2026, Id("s2"), Perceel.NaarWerk, March.AddDays(10), "K100").Ref;
        store.Deliver("acme", 2026, Id("s3"), Perceel.NaarWerk, March, "K050");
        await Service().ApplyAsync(later, Withdraw("not-ended"), default);

        var list = await Service().ListAsync("acme", 2026, null, default);

        Assert.Equal([("K050", March), ("K100", March), ("K100", March.AddDays(10))], list.Select(h => (h.Delivered.Klantnummer!, h.Delivered.Einddatum)));
        Assert.Equal([false, false, true], list.Select(h => h.Current.Withdrawn));
    }

    [Fact]
    public async Task The_questionnaire_and_the_interviewer_see_a_service_as_corrected_and_a_withdrawn_one_not_at_all()
    {
        var s2 = store.Deliver("acme", 2026, Id("s2"), Perceel.NaarWerk, March, "K200").Ref;
        await Service().ApplyAsync(s1, Withdraw("wrong-company"), default);
        await Service().ApplyAsync(s2, Correct("delivery-error", perceel: "Praktijkassessment", einddatum: "2026-04-01"), default);
        var snapshots = new Snapshots(store);
        var survey = new CorrectedSurveyServiceStore(snapshots, store);
        var fieldwork = new CorrectedFieldworkStore(new Candidates(store), store);

        Assert.Null(await survey.GetAsync(s1, default));
        Assert.Equal((Perceel.Praktijkassessment, new DateOnly(2026, 4, 1)), (await survey.GetAsync(s2, default)) is { } seen ? (seen.Perceel, seen.Einddatum) : default);
        Assert.Equal(Perceel.Praktijkassessment, (await fieldwork.GetAsync(s2, default))!.Perceel);
        Assert.Null(await fieldwork.GetAsync(s1 with { ServiceId = Id("nope") }, default));
    }

    /// <summary>Service rows as the questionnaire reads them, each marked as possibly corrected.</summary>
    private sealed class Snapshots(InMemoryCorrectionStore delivered) : ISurveyServiceStore
    {
        public async Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
            await delivered.GetServiceAsync(service, cancellationToken) is { } s
                ? new ServiceSnapshot(s.Ref, s.Perceel, s.Einddatum, ServiceStatus.Open, "Acme", MayHaveCorrections: true)
                : null;

        public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>The delivered services of the fake store as the mail job and the report read them, before corrections.</summary>
    private sealed class Candidates(InMemoryCorrectionStore delivered) : IFieldworkStore, IReportSource
    {
        public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var s in delivered.ServicesAsync(company, year, cancellationToken))
                yield return Candidate(s);
        }

        public async Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
            await delivered.GetServiceAsync(service, cancellationToken) is { } s ? Candidate(s) : null;

        private static FieldworkCandidate Candidate(DeliveredService s) =>
            new(s.Ref, s.Perceel, new ContactState(ServiceStatus.Open, true, false, 0, null, null), "v", null, null);

        public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var s in delivered.ServicesAsync(company, year, cancellationToken))
                yield return new ReportServiceRow(s.Ref.ServiceId, s.Perceel, s.Einddatum, null);
        }

        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
