using System.Runtime.CompilerServices;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Core.Progress;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Portal;

/// <summary>
/// The bureau overview reads one kept snapshot per company instead of recounting every view: computed and saved
/// when missing, used as it is while there, replaced by a refresh; what depends on today is derived at view time.
/// </summary>
public sealed class BureauOverviewServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly InMemoryCompanyStore companies = new();
    private readonly Rows rows = new();
    private readonly Snapshots snapshots = new();
    private readonly History history = new();
    private readonly PortalSettings settings = new() { OverviewRefreshAfter = TimeSpan.FromMinutes(5) };

    private BureauOverviewService Service(ForecastSettings? forecastSettings = null) => new(companies, history, new ProgressService(
            new ReportFiguresService(rows, rows, rows, new QuestionnaireCatalog(new QuestionnaireSettings()), new InMemoryCorrectionStore())),
        snapshots, new ReportSettings(), settings, time, forecastSettings: forecastSettings);

    [Fact]
    public async Task A_missing_snapshot_is_computed_and_saved_and_later_views_read_it_without_counting()
    {
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Services.AddRange([Service("s1"), Service("s2")]);
        var service = Service();

        var first = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.Equal(2, first.Percelen.Single(p => p.Ended > 0).Ended);
        Assert.Equal(1, rows.ServiceReads);
        var saved = Assert.Single(snapshots.Saved);
        Assert.Equal(("acme", 2026, Start), (saved.CompanyId, saved.Year, saved.ComputedAt));

        // A new service arrives; the next view shows the kept figures and their time, without counting again.
        rows.Services.Add(Service("s3"));
        time.Advance(TimeSpan.FromMinutes(3));
        var second = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.Equal(2, second.Percelen.Single(p => p.Ended > 0).Ended);
        Assert.Equal(Start, second.ComputedAt);
        Assert.Equal(1, rows.ServiceReads);
    }

    [Fact]
    public async Task Views_that_arrive_while_a_missing_snapshot_is_counted_wait_for_that_one_count()
    {
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Services.Add(Service("s1"));
        rows.Gate = new TaskCompletionSource();
        var service = Service();

        var views = new[] { service.ForYearAsync(2026, default), service.ForYearAsync(2026, default) };
        rows.Gate.SetResult();
        var shown = await Task.WhenAll(views);

        Assert.Equal(1, rows.ServiceReads);
        Assert.All(shown, view => Assert.Equal(1, Assert.Single(view).Percelen.Single(p => p.Ended > 0).Ended));
    }

    [Fact]
    public async Task A_view_does_not_wait_longer_than_the_first_view_wait_companies_not_yet_counted_show_as_counting()
    {
        // A fresh install of many companies: the first view answers at once; the count goes on outside the request.
        settings.OverviewFirstViewWait = TimeSpan.Zero;
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Services.AddRange([Service("s1"), Service("s2")]);
        rows.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = Service();

        var first = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.True(first.Counting);
        Assert.Empty(first.Percelen);
        Assert.Empty(first.Flags); // no "no delivery" flag from figures that are not known yet
        Assert.Equal("Acme", first.CompanyName);

        // A second view while the count runs joins it instead of starting another.
        Assert.True(Assert.Single(await service.ForYearAsync(2026, default)).Counting);
        rows.Gate.SetResult();
        await snapshots.FirstSave.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var counted = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.False(counted.Counting);
        Assert.Equal(2, counted.Percelen.Single(p => p.Ended > 0).Ended);
        Assert.Equal(1, rows.ServiceReads);
    }

    [Fact]
    public async Task A_view_that_joins_a_count_waits_only_for_what_is_left_of_the_wait_from_the_count_s_start()
    {
        // The page refreshes itself every few seconds during a long count: those views must not each wait again.
        settings.OverviewFirstViewWait = TimeSpan.FromSeconds(3);
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Services.Add(Service("s1"));
        rows.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = Service();

        var first = service.ForYearAsync(2026, default);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(first.IsCompleted); // 1 s of the wait is left
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Assert.Single(await first.WaitAsync(TimeSpan.FromSeconds(30))).Counting);

        // The wait is used up: the next view answers without the clock moving.
        var refresh = await service.ForYearAsync(2026, default).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Assert.Single(refresh).Counting);

        rows.Gate.SetResult();
        await snapshots.FirstSave.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(Assert.Single(await service.ForYearAsync(2026, default)).Counting);
    }

    [Fact]
    public async Task A_refresh_replaces_the_snapshot_with_the_figures_of_now()
    {
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Services.Add(Service("s1"));
        var service = Service();
        await service.ForYearAsync(2026, default);
        rows.Services.Add(Service("s2"));
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await service.RefreshAsync(2026, all: true, default));

        var after = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.Equal(2, after.Percelen.Single(p => p.Ended > 0).Ended);
        Assert.Equal(Start.AddMinutes(1), after.ComputedAt);
        Assert.Equal(Start.AddMinutes(1), Assert.Single(snapshots.Kept.Values).ComputedAt);
    }

    [Fact]
    public async Task The_timer_refresh_recounts_only_companies_whose_snapshot_is_older_than_the_setting_or_missing()
    {
        await companies.TryAddAsync(new Company("oud", "Oud", Start), "hash", default);
        await companies.TryAddAsync(new Company("vers", "Vers", Start), "hash", default);
        await companies.TryAddAsync(new Company("nieuw", "Nieuw", Start), "hash", default);
        await snapshots.SaveAsync(new OverviewSnapshot("oud", 2026, Start.AddMinutes(-6), null, [], null), default);
        await snapshots.SaveAsync(new OverviewSnapshot("vers", 2026, Start.AddMinutes(-4), null, [], null), default);
        snapshots.Saved.Clear();

        Assert.Equal(2, await Service().RefreshAsync(2026, all: false, default));

        Assert.Equal(["nieuw", "oud"], snapshots.Saved.Select(s => s.CompanyId).Order());
        Assert.Equal(Start.AddMinutes(-4), snapshots.Kept[("vers", 2026)].ComputedAt);
    }

    [Fact]
    public async Task What_depends_on_today_is_derived_at_view_time_not_kept()
    {
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        history.Entries.Add(new DeliveryEntry("levering.csv", Start.AddDays(-1), "accepted", 1, 1, 0, 0));
        var service = Service();
        var now = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.True(now.DeliveredThisMonth);
        Assert.DoesNotContain("Geen levering in 6 weken", now.Flags.Select(f => f.Text));

        // Seven weeks later, from the same snapshot: no longer this month, and the six-week flag is raised.
        time.Advance(TimeSpan.FromDays(49));
        var later = Assert.Single(await service.ForYearAsync(2026, default));
        Assert.Equal(Start, later.ComputedAt);
        Assert.False(later.DeliveredThisMonth);
        Assert.Contains("Geen levering in 6 weken", later.Flags.Select(f => f.Text));
    }

    [Fact]
    public async Task Last_months_delivery_is_flagged_late_after_the_due_day_from_the_same_snapshot()
    {
        // Delivered 23 November; on 10 December the November delivery is still on time, on 11 December it is late.
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        history.Entries.Add(new DeliveryEntry("levering.csv", Start.AddDays(-1), "done", 1, 1, 0, 0));
        var service = Service();
        await service.ForYearAsync(2026, default);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 22, 0, 0, TimeSpan.Zero));   // 23:00 on the 10th in Amsterdam
        Assert.DoesNotContain(Assert.Single(await service.ForYearAsync(2026, default)).Flags, f => f.Kind == OverviewFlagKind.DeliveryOverdue);
        time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 23, 0, 0, TimeSpan.Zero));   // 00:00 on the 11th
        var late = Assert.Single(Assert.Single(await service.ForYearAsync(2026, default)).Flags, f => f.Kind == OverviewFlagKind.DeliveryOverdue);
        Assert.Equal("november 2026", late.Text);
    }

    [Fact]
    public async Task Companies_are_listed_by_name()
    {
        await companies.TryAddAsync(new Company("z", "Zuiderzee Werk", Start), "hash", default);
        await companies.TryAddAsync(new Company("a", "Aan de Slag", Start), "hash", default);
        await companies.TryAddAsync(new Company("m", "Monter", Start), "hash", default);

        var shown = await Service().ForYearAsync(2026, default);

        Assert.Equal(["Aan de Slag", "Monter", "Zuiderzee Werk"], shown.Select(c => c.CompanyName));
    }

    [Fact]
    public async Task A_company_still_being_counted_claims_nothing_not_even_a_delivery_this_month()
    {
        settings.OverviewFirstViewWait = TimeSpan.Zero;
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        history.Entries.Add(new DeliveryEntry("levering.csv", Start.AddDays(-1), "done", 1, 1, 0, 0));
        rows.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var counting = Assert.Single(await Service().ForYearAsync(2026, default));

        Assert.True(counting.Counting);
        Assert.False(counting.DeliveredThisMonth);
        Assert.Null(counting.LastDelivery);
        rows.Gate.SetResult();
    }

    [Fact]
    public async Task A_count_that_fails_while_the_view_waits_fails_the_view()
    {
        settings.OverviewFirstViewWait = TimeSpan.FromMinutes(1);
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Failure = new InvalidOperationException("storage unreachable");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Service().ForYearAsync(2026, default).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("storage unreachable", thrown.Message);
    }

    [Fact]
    public async Task A_view_cancelled_while_it_waits_for_the_count_is_cancelled()
    {
        settings.OverviewFirstViewWait = TimeSpan.FromMinutes(1);
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        rows.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();

        var view = Service().ForYearAsync(2026, leaving.Token);
        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => view.WaitAsync(TimeSpan.FromSeconds(30)));
        rows.Gate.SetResult();
    }

    [Fact]
    public async Task A_company_added_after_a_count_ended_gets_a_count_of_its_own()
    {
        // The first view counts Acme and waits for it; a company registered later is counted by the next view, not
        // left "counting" behind a finished count.
        settings.OverviewFirstViewWait = TimeSpan.FromMinutes(1);
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        var service = Service();
        Assert.False(Assert.Single(await service.ForYearAsync(2026, default).WaitAsync(TimeSpan.FromSeconds(30))).Counting);

        await companies.TryAddAsync(new Company("bolt", "Bolt", Start), "hash", default);
        var later = await service.ForYearAsync(2026, default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(later, company => Assert.False(company.Counting));
        Assert.Equal(["acme", "bolt"], snapshots.Saved.Select(s => s.CompanyId));
    }

    [Fact]
    public async Task The_delivery_due_day_comes_from_the_settings()
    {
        // Delivered 23 November; with the due day on the 5th, the November delivery is late from 6 December on.
        await companies.TryAddAsync(new Company("acme", "Acme", Start), "hash", default);
        history.Entries.Add(new DeliveryEntry("levering.csv", Start.AddDays(-1), "done", 1, 1, 0, 0));
        var service = Service(new ForecastSettings { DeliveryDueDay = 5 });
        await service.ForYearAsync(2026, default);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var late = Assert.Single(Assert.Single(await service.ForYearAsync(2026, default)).Flags, f => f.Kind == OverviewFlagKind.DeliveryOverdue);
        Assert.Equal("november 2026", late.Text);
    }

    private static ReportServiceRow Service(string id) => new(id, Perceel.NaarWerk, new DateOnly(2026, 3, 4), null);

    private sealed class Snapshots : IOverviewSnapshots
    {
        public readonly Dictionary<(string, int), OverviewSnapshot> Kept = new();
        public readonly List<OverviewSnapshot> Saved = new();
        /// <summary>Completes when the first snapshot is saved (by a count in the background).</summary>
        public readonly TaskCompletionSource FirstSave = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<OverviewSnapshot>> ForYearAsync(int year, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OverviewSnapshot>>(Kept.Values.Where(s => s.Year == year).ToList());

        public Task SaveAsync(OverviewSnapshot snapshot, CancellationToken cancellationToken)
        {
            Kept[(snapshot.CompanyId, snapshot.Year)] = snapshot;
            Saved.Add(snapshot);
            FirstSave.TrySetResult();
            return Task.CompletedTask;
        }

        public Task RemoveAsync(string companyId, int year, CancellationToken cancellationToken)
        {
            Kept.Remove((companyId, year));
            return Task.CompletedTask;
        }
    }

    private sealed class History : IDeliveryHistory
    {
        public readonly List<DeliveryEntry> Entries = new();

        public Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeliveryEntry>>(Entries.ToList());
    }

    /// <summary>Services of one company; no attempts or responses. Counts how often the services are read.</summary>
    private sealed class Rows : IReportSource, IFieldworkStore, IResponseStore
    {
        public readonly List<ReportServiceRow> Services = new();
        public int ServiceReads;
        /// <summary>When set, reading the services waits for it (a count that takes a while).</summary>
        public TaskCompletionSource? Gate;
        /// <summary>When set, reading the services fails with it.</summary>
        public Exception? Failure;

        public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ServiceReads++;
            if (Gate is not null) await Gate.Task;
            if (Failure is not null) throw Failure;
            foreach (var s in Services.ToList()) yield return s;
            await Task.CompletedTask;
        }

        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<ContactAttempt>();
        public IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<StoredResponse>();
        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<FieldworkCandidate>();
        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
