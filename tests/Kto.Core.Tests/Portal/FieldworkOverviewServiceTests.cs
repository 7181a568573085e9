using System.Runtime.CompilerServices;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Portal;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Portal;

public class FieldworkOverviewServiceTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Per_company_it_counts_open_clients_without_usable_email_and_the_bounced_among_them()
    {
        var companies = new InMemoryCompanyStore();
        await companies.TryAddAsync(new Company("acme", "Acme", At), "hash", default);
        await companies.TryAddAsync(new Company("leeg", "Leeg", At), "hash", default);
        var store = new Candidates(
            State(ServiceStatus.Open, hasEmail: true, bounced: true),
            State(ServiceStatus.Open, hasEmail: false, bounced: false),
            State(ServiceStatus.Open, hasEmail: true, bounced: false),
            State(ServiceStatus.Responded, hasEmail: true, bounced: true),
            State(ServiceStatus.OptedOut, hasEmail: false, bounced: false));
        var use = new ThrottleUse(3, 30, 40, 100);
        var service = new FieldworkOverviewService(new Runs(25), new Throttle(use), companies, store);

        var overview = await service.ForYearAsync(2026, default);

        Assert.Equal(new CompanyFieldwork("acme", "Acme", 1, 2), overview.Companies[0]);
        Assert.Equal(new CompanyFieldwork("leeg", "Leeg", 0, 0), overview.Companies[1]);
        Assert.Equal(use, overview.Throttle);
        Assert.Equal(FieldworkOverviewService.RecentRuns, overview.Runs.Count);
    }

    [Fact]
    public async Task The_overview_asks_the_store_only_for_the_clients_that_need_a_letter_or_call()
    {
        var companies = new InMemoryCompanyStore();
        await companies.TryAddAsync(new Company("acme", "Acme", At), "hash", default);
        // Two bounced and one without an address: the bounced are counted by their mark, not as the rest.
        var store = new OfflineOnly(State(ServiceStatus.Open, hasEmail: true, bounced: true), State(ServiceStatus.Open, hasEmail: true, bounced: true),
            State(ServiceStatus.Open, hasEmail: false, bounced: false));
        var overview = await new FieldworkOverviewService(new Runs(0), new Throttle(new ThrottleUse(0, 30, 0, 100)), companies, store).ForYearAsync(2026, default);
        Assert.Equal(new CompanyFieldwork("acme", "Acme", 2, 3), Assert.Single(overview.Companies));
    }

    /// <summary>A store that can filter: reading every client (CandidatesAsync) fails the test.</summary>
    private sealed class OfflineOnly(params ContactState[] states) : IFieldworkStore
    {
        private readonly Candidates all = new(states);

        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the overview read every client");

        public IAsyncEnumerable<FieldworkCandidate> OfflineCandidatesAsync(string company, int year, CancellationToken cancellationToken) =>
            all.CandidatesAsync(company, year, cancellationToken);

        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public void A_run_that_stopped_early_says_why_in_Dutch_and_a_failed_run_says_it_failed()
    {
        var run = new MailRun("r", MailJobNames.SendInvitations, At, MailRunTriggers.Timer, MailRunStatus.Completed, At, At);
        Assert.Contains("verzendlimiet", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.Throttled }));
        Assert.Contains("verzendtijden", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.QuietTime }));
        Assert.Contains("mailserver", StopReasonTexts.Dutch(run with { Stopped = MailJobResult.StopReasons.MailServerUnavailable }));
        Assert.Contains("fout", StopReasonTexts.Dutch(run with { Status = MailRunStatus.Failed, Error = "IOException" }));
    }

    private static ContactState State(ServiceStatus status, bool hasEmail, bool bounced) => new(status, hasEmail, bounced, 0, null, null);

    private sealed class Candidates(params ContactState[] states) : IFieldworkStore
    {
        public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (company != "acme") yield break;
            for (var i = 0; i < states.Length; i++)
                yield return new FieldworkCandidate(new ServiceRef(company, year, $"s{i}"), Perceel.NaarWerk, states[i], "v", null, null);
            await Task.CompletedTask;
        }

        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class Runs(int stored) : IMailRunLog
    {
        public Task SaveAsync(MailRun run, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MailRun>>(Enumerable.Range(0, Math.Min(count, stored))
                .Select(i => new MailRun($"r{i}", MailJobNames.SendInvitations, At, MailRunTriggers.Timer, MailRunStatus.Completed, At, At)).ToList());
    }

    private sealed class Throttle(ThrottleUse use) : IMailThrottle
    {
        public Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken) => Task.FromResult(use);
    }
}
