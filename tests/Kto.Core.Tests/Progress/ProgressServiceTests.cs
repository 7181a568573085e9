using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Progress;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Progress;

/// <summary>Issue 13: the portal's progress page reads a company's services, attempts and responses once per view.</summary>
public sealed class ProgressServiceTests
{
    private static ServiceRef Ref(string id) => new("acme", 2026, id);

    private static StoredResponse Response(string id, int grade) =>
        new(Ref(id), Perceel.NaarWerk, new Answers(new QuestionnaireCatalog(new QuestionnaireSettings()).Current.Version,
            new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(grade) }), new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_page_gets_percelen_and_months_from_one_read_of_each_partition()
    {
        var rows = new Rows(
            [new("s1", Perceel.NaarWerk, new DateOnly(2026, 3, 4), null), new("s2", Perceel.NaarWerk, new DateOnly(2026, 3, 20), null),
             new("s3", Perceel.NaarWerk, new DateOnly(2026, 5, 1), null)],
            [Response("s1", 8), Response("s3", 6)]);
        var service = new ProgressService(new ReportFiguresService(rows, rows, rows, new QuestionnaireCatalog(new QuestionnaireSettings()), new InMemoryCorrectionStore()));

        var page = await service.WithMonthsAsync("acme", 2026, default);

        Assert.Equal((1, 1, 1), (rows.ServiceReads, rows.AttemptReads, rows.ResponseReads));
        var naarWerk = page.Percelen.Single(p => p.Ended > 0);
        Assert.Equal((3, 2, 7.0), (naarWerk.Ended, naarWerk.Responded, naarWerk.MeanGrade));
        Assert.Equal((2, 1), (page.Months[2].Ended, page.Months[2].Responded));
        Assert.Equal((1, 1), (page.Months[4].Ended, page.Months[4].Responded));
        Assert.Equal(3, page.Months.Sum(m => m.Ended));
        // The same figures as the API's progress (one rule, one count).
        Assert.Equal(page.Percelen, await service.ForYearAsync("acme", 2026, default));
    }

    [Fact]
    // Rule: the response rate is responses over ended services, rounded to four decimals; a perceel where nothing ended shows 0, not NaN.
    public async Task The_response_rate_is_responses_over_ended_services_and_zero_when_nothing_ended()
    {
        var rows = new Rows(
            [new("s1", Perceel.NaarWerk, new DateOnly(2026, 3, 4), null), new("s2", Perceel.NaarWerk, new DateOnly(2026, 3, 20), null),
             new("s3", Perceel.NaarWerk, new DateOnly(2026, 5, 1), null)],
            [Response("s1", 8), Response("s3", 6)]);
        var service = new ProgressService(new ReportFiguresService(rows, rows, rows, new QuestionnaireCatalog(new QuestionnaireSettings()), new InMemoryCorrectionStore()));

        var percelen = await service.ForYearAsync("acme", 2026, default);

        Assert.Equal(0.6667, percelen.Single(p => p.Ended > 0).ResponseRate);
        Assert.All(percelen.Where(p => p.Ended == 0), p => Assert.Equal(0, p.ResponseRate));
        Assert.Equal(3, percelen.Count(p => p.Ended == 0));
    }

    private sealed class Rows(ReportServiceRow[] services, StoredResponse[] responses) : IReportSource, IFieldworkStore, IResponseStore
    {
        public int ServiceReads, AttemptReads, ResponseReads;

        public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ServiceReads++;
            foreach (var s in services) yield return s;
            await Task.CompletedTask;
        }

        public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            AttemptReads++;
            foreach (var s in services) yield return new ContactAttempt(Ref(s.ServiceId), ContactStep.Invitation, ContactMode.Email, default, AttemptOutcome.Sent);
            await Task.CompletedTask;
        }

        public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ResponseReads++;
            foreach (var r in responses) yield return r;
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
