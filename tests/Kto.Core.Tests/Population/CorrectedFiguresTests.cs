using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Population;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Population;

/// <summary>
/// Progress and report figures with corrections, through <see cref="ReportFiguresService"/> on the corrected source:
/// a withdrawn service that was approached and answered counts nowhere; a corrected perceel counts in the new one.
/// </summary>
public class CorrectedFiguresTests
{
    private static readonly DateOnly March = new(2026, 3, 15);
    private static readonly DateTimeOffset Mailed = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_withdrawn_answered_service_counts_nowhere_and_a_corrected_perceel_counts_in_the_new_one()
    {
        var store = new InMemoryCorrectionStore();
        var ids = new[] { "s1", "s2", "s3" }.Select(n => new Kto.Core.Deliveries.ServiceKey(n, Perceel.NaarWerk, March).Id()).ToArray();
        foreach (var id in ids) store.Deliver("acme", 2026, id, Perceel.NaarWerk, March, "K-" + id[..4]);
        var facts = new Facts(store, ids);
        var catalog = new QuestionnaireCatalog(new QuestionnaireSettings());
        var figures = new ReportFiguresService(new CorrectedReportSource(facts, store), facts, facts, catalog, store);
        var before = await figures.ForCompanyAsync("acme", 2026, default);
        Assert.Equal((3, 3, 3), Counts(before, Perceel.NaarWerk));

        var population = new PopulationCorrectionService(store, new InMemoryAccounts(), new FakeTimeProvider(Mailed.AddDays(6)));
        await population.ApplyAsync(new ServiceRef("acme", 2026, ids[0]), new CorrectionRequest(true, "wrong-company", null, null, null, "bureau-key"), default);
        await population.ApplyAsync(new ServiceRef("acme", 2026, ids[1]), new CorrectionRequest(false, "uwv-record", null, "Werkfit maken", null, "bureau-key"), default);
        var after = await figures.ForCompanyAsync("acme", 2026, default);

        Assert.Equal((1, 1, 1), Counts(after, Perceel.NaarWerk));
        Assert.Equal((1, 1, 1), Counts(after, Perceel.WerkfitMaken));
        Assert.Equal([8], after.Single(f => f.Perceel == Perceel.NaarWerk).Grades);
        Assert.Equal(
            [new PopulationChange(PopulationChange.Withdrawn, "wrong-company", 1), new PopulationChange(PopulationChange.PerceelOut, "uwv-record", 1)],
            after.Single(f => f.Perceel == Perceel.NaarWerk).PopulationChanges);
        Assert.Equal([new PopulationChange(PopulationChange.PerceelIn, "uwv-record", 1)], after.Single(f => f.Perceel == Perceel.WerkfitMaken).PopulationChanges);
        Assert.Empty(after.Single(f => f.Perceel == Perceel.Praktijkassessment).PopulationChanges!);
    }

    private static (int Ended, int Approached, int Responded) Counts(IReadOnlyList<PerceelFigures> figures, Perceel perceel) =>
        figures.Single(f => f.Perceel == perceel) is var f ? (f.Ended, f.Approached, f.Responded) : default;

    /// <summary>Every delivered service got a mail and answered with an 8: the facts as stored, before corrections.</summary>
    private sealed class Facts(InMemoryCorrectionStore delivered, string[] ids) : IReportSource, IFieldworkStore, IResponseStore
    {
        public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var s in delivered.ServicesAsync(company, year, cancellationToken))
                yield return new ReportServiceRow(s.Ref.ServiceId, s.Perceel, s.Einddatum, null);
        }

        public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var id in ids) yield return new ContactAttempt(new ServiceRef(company, year, id), ContactStep.Invitation, ContactMode.Email, Mailed, AttemptOutcome.Sent);
            await Task.CompletedTask;
        }

        public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var version = new QuestionnaireCatalog(new QuestionnaireSettings()).Current.Version;
            foreach (var id in ids)
                yield return new StoredResponse(new ServiceRef(company, year, id), Perceel.NaarWerk,
                    new Answers(version, new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(8) }), Mailed.AddDays(1));
            await Task.CompletedTask;
        }

        // Every service here has e-mail: none is unreachable, so the unreachable count reads no candidates.
        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<FieldworkCandidate>();
        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
