using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

using static Kto.Core.Tests.Forecast.ForecastFixtures;

namespace Kto.Core.Tests.Forecast;

/// <summary>
/// The bureau's pace for letters and calls: approaches made over the days clients were waiting for one, from the
/// delivery that brought them (or their first approach, if earlier) to their answer, the end of their route, or now.
/// With a Gamma prior of 3 approaches at the default gap (letters 14 days, calls 7): (made + 3) / (days + 42) for letters,
/// (made + 3) / (days + 21) for calls. All times noon, Dutch summer time; now is 15 October.
/// </summary>
public sealed class BureauPaceTests
{
    private static readonly ResponseForecaster Forecaster = new(
        new ForecastSettings { DefaultLetterGapDays = 14, DefaultCallGapDays = 7, TimingPriorWeight = 3 },
        new ReportSettings(), new FieldworkSettings { ReminderDays = "7,14", MaxCallAttempts = 5 });

    private static ForecastClient Client(string id, ForecastRoute route, (ContactMode Mode, DateTimeOffset At, AttemptOutcome Outcome)[] attempts,
        ServiceStatus status = ServiceStatus.Open, DateTimeOffset? respondedAt = null, DateOnly? ended = null) =>
        new(id, Perceel.NaarWerk, ended ?? new DateOnly(2026, 8, 20), route, new ContactState(status, false, false, 0, null, null),
            Attempts(id, attempts),
            respondedAt, respondedAt is null ? null : ResponseMode.Paper);

    private static (ContactMode, DateTimeOffset, AttemptOutcome) Letter(int month, int day) => (ContactMode.Letter, Day(month, day), AttemptOutcome.Sent);
    private static (ContactMode, DateTimeOffset, AttemptOutcome) Call(int month, int day, AttemptOutcome outcome = AttemptOutcome.NoAnswer) =>
        (ContactMode.Phone, Day(month, day), outcome);

    private static RouteYields Yields(DateTimeOffset[] deliveries, params ForecastClient[] clients) =>
        Forecaster.Forecast(new ForecastInput("acme", 2026, Now, clients, deliveries)).Yields;

    private static readonly DateTimeOffset[] FifthOfSeptember = [new(2026, 9, 5, 12, 0, 0, TimeSpan.FromHours(2))];

    [Fact]
    public void A_client_that_had_all_three_letters_waits_no_longer_than_its_last_letter()
    {
        // Delivered 5 September, letters 10 and 24 September and 8 October: 3 letters in 33 days.
        var all = Yields(FifthOfSeptember, Client("l", ForecastRoute.Letter, [Letter(9, 10), Letter(9, 24), Letter(10, 8)]));
        Assert.Equal(6 / 75.0, all.Letter.Pace!.Value, 12);

        // With two letters it still waits for the third, to now: 2 letters in 40 days.
        var two = Yields(FifthOfSeptember, Client("l", ForecastRoute.Letter, [Letter(9, 10), Letter(9, 24)]));
        Assert.Equal(5 / 82.0, two.Letter.Pace!.Value, 12);
    }

    [Fact]
    public void A_client_that_refused_on_the_phone_is_done_at_that_call()
    {
        // Calls on 7 (no answer) and 9 September (refused), stored newest first: 2 calls in the 4 days from the delivery.
        var yields = Yields(FifthOfSeptember, Client("p", ForecastRoute.Phone, [Call(9, 9, AttemptOutcome.Refused), Call(9, 7)]));
        Assert.Equal(5 / 25.0, yields.Phone.Pace!.Value, 12);
    }

    [Fact]
    public void A_client_called_the_maximum_five_times_is_done_at_the_fifth_call()
    {
        // Five unanswered calls 6–10 September: 5 calls in 5 days.
        var five = Yields(FifthOfSeptember, Client("p", ForecastRoute.Phone, [Call(9, 6), Call(9, 7), Call(9, 8), Call(9, 9), Call(9, 10)]));
        Assert.Equal(8 / 26.0, five.Phone.Pace!.Value, 12);

        // Four: still waiting for the fifth, to now (40 days).
        var four = Yields(FifthOfSeptember, Client("p", ForecastRoute.Phone, [Call(9, 6), Call(9, 7), Call(9, 8), Call(9, 9)]));
        Assert.Equal(7 / 61.0, four.Phone.Pace!.Value, 12);
    }

    [Fact]
    public void An_opted_out_client_waited_until_its_last_letter_and_without_letters_or_only_one_at_its_start_not_at_all()
    {
        // Deliveries 25 August (early, in the month the services ended) and 5 September. All three opted out.
        // o1: delivered 5 September, one letter 10 September: 1 letter in 5 days.
        // o2: no letter at all: no waiting counted.
        // o3: its letter of 1 September came before the 5 September delivery, so it was delivered early and waited from that
        // letter, which was also its last: no time waited, and the letter not counted.
        var yields = Yields([new(2026, 8, 25, 12, 0, 0, Cest), Day(9, 5)],
            Client("o1", ForecastRoute.Letter, [Letter(9, 10)], ServiceStatus.OptedOut),
            Client("o2", ForecastRoute.Letter, [], ServiceStatus.OptedOut),
            Client("o3", ForecastRoute.Letter, [Letter(9, 1)], ServiceStatus.OptedOut));

        Assert.Equal(4 / 47.0, yields.Letter.Pace!.Value, 12);
    }

    [Fact]
    public void An_answered_client_waited_until_its_answer_and_one_answering_before_its_delivery_not_at_all()
    {
        // r1: delivered 5 September, letter 10 September, answered on paper 20 September; a reminder letter posted 24 September
        // after all is no letter made while it waited: 1 letter in 15 days.
        // r2: ended in August, answered 1 September, before the delivery of 5 September: nothing.
        var yields = Yields(FifthOfSeptember,
            Client("r1", ForecastRoute.Letter, [Letter(9, 10), Letter(9, 24)], ServiceStatus.Responded, Day(9, 20)),
            Client("r2", ForecastRoute.Letter, [], ServiceStatus.Responded, Day(9, 1)));

        Assert.Equal(4 / 57.0, yields.Letter.Pace!.Value, 12);
    }

    [Fact]
    public void A_delivery_on_the_first_of_the_next_month_is_the_one_that_brought_the_client()
    {
        // Ended 20 August; deliveries 1 September and 1 October; first letter 15 September. It waited from 1 September to
        // now: 1 letter in 44 days (not from its letter of 15 September, as if the October delivery had brought it).
        var yields = Yields([Day(9, 1), Day(10, 1)], Client("l", ForecastRoute.Letter, [Letter(9, 15)]));
        Assert.Equal(4 / 86.0, yields.Letter.Pace!.Value, 12);
    }

    [Fact]
    public void A_client_no_later_delivery_covers_waited_from_the_latest_delivery_and_without_any_delivery_from_its_first_letter()
    {
        // Ended 10 September, deliveries 5 and 25 September (none from October on: it came early, on 25 September); first
        // letter 1 October: 1 letter in the 20 days from 25 September.
        var client = Client("l", ForecastRoute.Letter, [Letter(10, 1)], ended: new DateOnly(2026, 9, 10));
        Assert.Equal(4 / 62.0, Yields([Day(9, 5), Day(9, 25)], client).Letter.Pace!.Value, 12);

        // No delivery recorded at all: from its first letter, 14 days.
        Assert.Equal(4 / 56.0, Yields([], client).Letter.Pace!.Value, 12);
    }
}
