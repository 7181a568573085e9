using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

using static Kto.Core.Tests.Forecast.ForecastFixtures;

namespace Kto.Core.Tests.Forecast;

/// <summary>What the forecast advises doing now per perceel, and for whom: only open clients, ranked by expected responses.</summary>
public sealed class ForecastActionsTests
{
    // Every default yield 0.25: with no tries yet, an invitation and a first letter are both expected to bring 0.25.
    private static readonly ResponseForecaster Forecaster = new(
        new ForecastSettings { DefaultEmailYield = 0.25, DefaultLetterYield = 0.25, DefaultPhoneYield = 0.25, PriorWeight = 4 },
        new ReportSettings(), new FieldworkSettings { ReminderDays = "7,14", MaxCallAttempts = 5 });

    private static ForecastClient Client(string id, ForecastRoute route, ContactState state, (ContactMode Mode, DateTimeOffset At, AttemptOutcome Outcome)[] attempts,
        DateTimeOffset? respondedAt = null, int month = 9) =>
        new(id, Perceel.NaarWerk, new DateOnly(2026, month, 1), route, state,
            Attempts(id, attempts),
            respondedAt, respondedAt is null ? null : ResponseMode.Web);

    private static readonly ContactState NotInvited = new(ServiceStatus.Open, true, false, 0, null, null);
    private static readonly ContactState Offline = new(ServiceStatus.Open, false, false, 0, null, null);

    private static PerceelForecast NaarWerk(DateTimeOffset[] deliveries, params ForecastClient[] clients) =>
        Forecaster.Forecast(new ForecastInput("acme", 2026, Now, clients, deliveries)).Percelen.Single(p => p.Perceel == Perceel.NaarWerk);

    // The delivery of 5 October covers January–September: no delivery is missing on 15 October.
    private static readonly DateTimeOffset[] UpToDate = [new(2026, 10, 5, 12, 0, 0, TimeSpan.FromHours(2))];

    [Fact]
    public void Actions_expected_to_bring_as_much_are_listed_in_a_fixed_order_invitations_first()
    {
        var naarWerk = NaarWerk(UpToDate,
            Client("l", ForecastRoute.Letter, Offline, []),
            Client("e", ForecastRoute.Email, NotInvited, []));

        Assert.Equal(
            [(ForecastActionKind.SendInvitations, 1, 0.25, "Stuur de uitnodiging aan 1 klant"),
             (ForecastActionKind.PostLetters, 1, 0.25, "Verstuur een brief aan 1 klant zonder e-mail")],
            naarWerk.Actions.Select(a => (a.Kind, a.Clients, a.ExpectedResponses, a.Text)));
    }

    [Fact]
    public void A_client_called_five_times_is_not_to_be_called_again_one_called_four_times_is()
    {
        (ContactMode, DateTimeOffset, AttemptOutcome) Call(int day) => (ContactMode.Phone, Day(9, day), AttemptOutcome.NoAnswer);
        var naarWerk = NaarWerk(UpToDate,
            Client("five", ForecastRoute.Phone, Offline, [Call(6), Call(7), Call(8), Call(9), Call(10)]),
            Client("four", ForecastRoute.Phone, Offline, [Call(6), Call(7), Call(8), Call(9)]));

        var call = Assert.Single(naarWerk.Actions);
        Assert.Equal((ForecastActionKind.CallPhoneOnly, 1), (call.Kind, call.Clients));
    }

    [Fact]
    public void A_missing_delivery_is_advised_for_the_perceel_that_expects_services_not_for_empty_ones()
    {
        // The delivery of 5 September covers January–August; September's was due on 10 October. Naar werk had 2 services a
        // month, all answered; the other percelen had none, so nothing of theirs is missing.
        var clients = Enumerable.Range(0, 16)
            .Select(i => Client($"s{i}", ForecastRoute.Email, new ContactState(ServiceStatus.Responded, true, false, 1, Day(9, 6), null),
                [(ContactMode.Email, Day(9, 6), AttemptOutcome.Sent)], Day(9, 7), month: i / 2 + 1))
            .ToArray();
        var forecast = Forecaster.Forecast(new ForecastInput("acme", 2026, Now, clients, [Day(9, 5)]));

        var missing = Assert.Single(forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk).Actions);
        Assert.Equal((ForecastActionKind.MissingDelivery, 2, 9, "De levering over september ontbreekt"), (missing.Kind, missing.Clients, missing.Month, missing.Text));
        Assert.All(forecast.Percelen.Where(p => p.Perceel != Perceel.NaarWerk), p => Assert.Empty(p.Actions));
    }

    [Fact]
    public void An_opted_out_client_is_not_counted_on_nor_to_be_approached()
    {
        // Invited 1 October, then opted out: its reminders will not go; nothing to come (no month covered yet).
        var naarWerk = NaarWerk([], Client("o", ForecastRoute.Email, new ContactState(ServiceStatus.OptedOut, true, false, 1, Day(10, 1), null),
            [(ContactMode.Email, Day(10, 1), AttemptOutcome.Sent)]));

        Assert.Equal((0.0, 0.0, 0.0), (naarWerk.ProjectedResponseRate, naarWerk.ProjectedLow, naarWerk.ProjectedHigh));
        Assert.Empty(naarWerk.Actions);
    }

    [Fact]
    public void A_client_that_answered_while_its_state_still_says_open_is_counted_once_and_not_reminded()
    {
        // The answer came in on 2 October; the state (read apart) still has it open with reminder 1 due since 8 October.
        var naarWerk = NaarWerk([], Client("a", ForecastRoute.Email, new ContactState(ServiceStatus.Open, true, false, 1, Day(10, 1), null),
            [(ContactMode.Email, Day(10, 1), AttemptOutcome.Sent)], Day(10, 2)));

        Assert.Equal((1.0, 1.0, 1.0), (naarWerk.ProjectedResponseRate, naarWerk.ProjectedLow, naarWerk.ProjectedHigh));
        Assert.Empty(naarWerk.Actions);
    }
}
