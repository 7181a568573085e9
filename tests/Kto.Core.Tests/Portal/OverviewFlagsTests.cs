using System.Runtime.CompilerServices;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Core.Progress;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Portal;

/// <summary>
/// The bureau overview's action flags, each derived from a kept snapshot at view time by the one rule for it: six weeks
/// without delivery, response under the minimum, the forecast at risk, clients not approached, exemption possible.
/// </summary>
public sealed class OverviewFlagsTests
{
    // Tuesday 24 November 2026, 10:00 Dutch time: before the 10th of December, so November's delivery is not yet due.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCompanyStore companies = new();
    private readonly InMemoryOverviewSnapshots snapshots = new();
    private readonly History history = new();

    public OverviewFlagsTests() => companies.TryAddAsync(new Company("acme", "Acme", Now.AddYears(-1)), "hash", default).Wait();

    private async Task<CompanyOverview> ViewAsync(IReadOnlyList<PerceelProgress> percelen, DateTimeOffset? lastDelivery = null,
        IReadOnlyList<ForecastSummary>? forecast = null, ReportSettings? norms = null)
    {
        var last = new DeliveryEntry("levering.csv", lastDelivery ?? Now.AddDays(-1), Receipt.Statuses.Accepted, 1, 1, 0, 0);
        await snapshots.SaveAsync(new OverviewSnapshot("acme", 2026, Now, last, percelen, null, forecast), default);
        var service = new BureauOverviewService(companies, history, new ProgressService(
                new ReportFiguresService(new NoRows(), new InMemorySurveyData(), new InMemorySurveyData(), new QuestionnaireCatalog(new QuestionnaireSettings()),
                    new InMemoryCorrectionStore())),
            snapshots, norms ?? new ReportSettings(), new PortalSettings(), new FakeTimeProvider(Now));
        return Assert.Single(await service.ForYearAsync(2026, default));
    }

    private static PerceelProgress Perceel(string name, int ended, int approached, int responded) =>
        new(name, ended, approached, responded, ended == 0 ? 0 : responded / (double)ended, null);

    [Fact]
    public async Task A_healthy_company_delivered_recently_has_no_flags()
    {
        var view = await ViewAsync([Perceel("Naar werk", 20, 20, 8)]);

        Assert.Empty(view.Flags);
        Assert.True(view.DeliveredThisMonth);
    }

    [Theory]
    [InlineData(42, false)] // six weeks exactly: still recent
    [InlineData(43, true)]
    public async Task No_delivery_for_more_than_six_weeks_is_flagged(int daysAgo, bool flagged)
    {
        var view = await ViewAsync([Perceel("Naar werk", 20, 20, 8)], lastDelivery: Now.AddDays(-daysAgo));

        Assert.Equal(flagged, view.Flags.Any(f => f.Kind == OverviewFlagKind.NoRecentDelivery && f.Text == "Geen levering in 6 weken"));
    }

    [Fact]
    public async Task A_response_under_the_minimum_is_flagged_per_perceel_and_the_minimum_itself_is_not()
    {
        // 30 % is the default minimum: 6 of 20 meets it, 5 of 20 does not.
        var view = await ViewAsync([Perceel("Naar werk", 20, 20, 6), Perceel("Werkfit maken", 20, 20, 5)]);

        var flag = Assert.Single(view.Flags);
        Assert.Equal(new OverviewFlag(OverviewFlagKind.ResponseBelowMinimum, "Werkfit maken", null, "Werkfit maken: respons onder het minimum"), flag);
    }

    [Fact]
    public async Task Ended_services_not_approached_are_flagged_with_how_many()
    {
        var view = await ViewAsync([Perceel("Naar werk", 20, 17, 8), Perceel("Werkfit maken", 20, 20, 8)]);

        Assert.Equal(new OverviewFlag(OverviewFlagKind.NotApproached, "Naar werk", 3, "Naar werk: 3 nog niet benaderd"), Assert.Single(view.Flags));
    }

    [Theory]
    [InlineData(4, true)]  // fewer than the exemption threshold of 5
    [InlineData(5, false)]
    public async Task A_perceel_with_fewer_ended_services_than_the_exemption_threshold_is_flagged(int ended, bool flagged)
    {
        var view = await ViewAsync([Perceel("Naar werk", ended, ended, ended)]);

        Assert.Equal(flagged ? [new OverviewFlag(OverviewFlagKind.ExemptionPossible, "Naar werk", ended, "Naar werk: vrijstelling mogelijk")] : [],
            view.Flags);
    }

    [Fact]
    public async Task A_perceel_without_ended_services_raises_no_flag()
    {
        // Nothing ended: no response to be under the minimum, nobody to approach, no exemption to ask.
        var view = await ViewAsync([Perceel("Naar werk", 20, 20, 8), Perceel("Praktijkassessment", 0, 0, 0)]);

        Assert.Empty(view.Flags);
    }

    [Fact]
    public async Task The_forecast_at_risk_is_flagged_with_its_projected_range_and_one_not_at_risk_is_not()
    {
        var view = await ViewAsync([Perceel("Naar werk", 20, 20, 8), Perceel("Werkfit maken", 20, 20, 8)],
            forecast: [new ForecastSummary("Naar werk", 0.22, 0.315, AtRisk: true), new ForecastSummary("Werkfit maken", 0.4, 0.5, AtRisk: false)]);

        Assert.Equal(new OverviewFlag(OverviewFlagKind.ForecastAtRisk, "Naar werk", null, "Naar werk: risico, verwachte respons 22–32 %"), Assert.Single(view.Flags));
    }

    [Fact]
    public async Task The_minimum_and_the_exemption_threshold_come_from_the_report_settings()
    {
        var view = await ViewAsync([Perceel("Naar werk", 20, 20, 8)], norms: new ReportSettings { MinimumResponseRate = 0.5, ExemptionThreshold = 21 });

        Assert.Equal([OverviewFlagKind.ResponseBelowMinimum, OverviewFlagKind.ExemptionPossible], view.Flags.Select(f => f.Kind));
    }

    private sealed class NoRows : IReportSource
    {
        public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private sealed class History : IDeliveryHistory
    {
        public Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeliveryEntry>>([]);
    }
}
