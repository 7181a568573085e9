using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

using static Kto.Core.Tests.Forecast.ForecastFixtures;

namespace Kto.Core.Tests.Forecast;

/// <summary>
/// Which try a response counts for, and how much an unanswered approach counts as a try. Every default yield 0.25 with
/// weight 4: a mode's yield is (responses + 1) / (tries + 4); answers spread evenly over a 7-day window with weight 3.
/// </summary>
public sealed class YieldCountingTests
{
    private static readonly ResponseForecaster Forecaster = new(
        new ForecastSettings
        {
            DefaultEmailYield = 0.25, DefaultLetterYield = 0.25, DefaultPhoneYield = 0.25, PriorWeight = 4, ResponseWindowDays = 7, TimingPriorWeight = 3,
        },
        new ReportSettings(), new FieldworkSettings { ReminderDays = "7,14", MaxCallAttempts = 5 });

    private static bool Near(double a, double b) => Math.Abs(a - b) < 1e-12;

    private static ForecastClient Client(string id, ForecastRoute route, (ContactMode Mode, DateTimeOffset At, AttemptOutcome Outcome)[] attempts,
        DateTimeOffset? respondedAt = null, ResponseMode? by = null) =>
        new(id, Perceel.NaarWerk, new DateOnly(2026, 8, 20), route,
            new ContactState(respondedAt is null ? ServiceStatus.Open : ServiceStatus.Responded, route == ForecastRoute.Email, false,
                attempts.Count(a => a.Mode == ContactMode.Email), attempts.Where(a => a.Mode == ContactMode.Email).Select(a => (DateTimeOffset?)a.At).FirstOrDefault(), null),
            Attempts(id, attempts),
            respondedAt, respondedAt is null ? null : by ?? ResponseMode.Web);

    private static RouteYields Yields(params ForecastClient[] clients) =>
        Forecaster.Forecast(new ForecastInput("acme", 2026, Now, clients, [Day(9, 5)])).Yields;

    [Fact]
    public void A_response_after_reminder_1_is_a_success_of_reminder_1_and_the_invitation_before_it_a_failed_try()
    {
        // a: invitation 1 Sep, reminder 1 on 8 Sep, answered 9 Sep; b: invitation 1 Sep, answered 2 Sep (attempts listed
        // newest first: the order they are stored in does not matter).
        var yields = Yields(
            Client("a", ForecastRoute.Email, [(ContactMode.Email, Day(9, 8), AttemptOutcome.Sent), (ContactMode.Email, Day(9, 1), AttemptOutcome.Sent)], Day(9, 9)),
            Client("b", ForecastRoute.Email, [(ContactMode.Email, Day(9, 1), AttemptOutcome.Sent)], Day(9, 2)));

        // 2 responses in 3 tries: (2 + 1) / (3 + 4) = 3/7. Per number, shrunk towards 3/7 with weight 4: invitation 1 of 2,
        // (1 + 12/7) / 6 = 19/42; reminder 1 1 of 1, (1 + 12/7) / 5 = 19/35; reminder 2 none, 3/7.
        Assert.Equal((2, 3), (yields.Email.Responses, yields.Email.Approaches));
        Assert.Equal(3 / 7.0, yields.Email.Yield, 12);
        Assert.Equal([19 / 42.0, 19 / 35.0, 3 / 7.0], yields.Email.Steps, Near);
    }

    [Fact]
    public void An_unanswered_call_is_a_failed_try_at_once_while_an_email_of_the_same_age_is_not_yet()
    {
        // Both a day old, nobody has answered anything: the e-mail counts for the 1/7 of its answers that would be in by now,
        // the call (answered or not on the spot) for a whole try.
        var yields = Yields(
            Client("p", ForecastRoute.Phone, [(ContactMode.Phone, Now.AddDays(-1), AttemptOutcome.NoAnswer)]),
            Client("e", ForecastRoute.Email, [(ContactMode.Email, Now.AddDays(-1), AttemptOutcome.Sent)]));

        Assert.Equal(1 / 5.0, yields.Phone.Yield, 12);
        Assert.Equal(1 / (1 / 7.0 + 4), yields.Email.Yield, 12);
    }

    [Fact]
    public void A_live_email_counts_by_the_observed_delays_and_one_a_full_window_old_is_a_whole_try()
    {
        // Observed delays from each answer back to the approach before it: a answered 10 days after its invitation, b after 1
        // day (listed in that order). c was invited 3 days ago: (delays ≤ 3: one, + 3 × 3/7) / (2 + 3) = 16/35 of a try.
        // d was invited exactly 7 days ago: out of the window, a whole try (inside it, (1 + 3) / 5 of one, as a's late
        // answer shows answers can take longer).
        var yields = Yields(
            Client("a", ForecastRoute.Email, [(ContactMode.Email, Day(9, 1), AttemptOutcome.Sent)], Day(9, 11)),
            Client("b", ForecastRoute.Email, [(ContactMode.Email, Day(10, 1), AttemptOutcome.Sent)], Day(10, 2)),
            Client("c", ForecastRoute.Email, [(ContactMode.Email, Now.AddDays(-3), AttemptOutcome.Sent)]),
            Client("d", ForecastRoute.Email, [(ContactMode.Email, Now.AddDays(-7), AttemptOutcome.Sent)]));

        // 2 responses in 1 + 1 + 16/35 + 1 = 121/35 tries: (2 + 1) / (121/35 + 4) = 105/261.
        Assert.Equal(105 / 261.0, yields.Email.Yield, 12);
    }

    [Fact]
    public void An_answer_no_approach_came_before_is_a_success_of_the_first_approach_of_the_mode_it_came_in()
    {
        // Answered on paper, by phone and online (mode unknown: online) with no attempt recorded before.
        var yields = Yields(
            Client("l", ForecastRoute.Letter, [], Day(9, 20), ResponseMode.Paper),
            Client("p", ForecastRoute.Phone, [], Day(9, 20), ResponseMode.Phone),
            Client("e", ForecastRoute.Letter, [], Day(9, 20)) with { RespondedBy = null });

        Assert.Equal((1, 1), (yields.Letter.Responses, yields.Letter.Approaches));
        Assert.Equal((1, 1), (yields.Phone.Responses, yields.Phone.Approaches));
        Assert.Equal((1, 1), (yields.Email.Responses, yields.Email.Approaches));
        Assert.Equal(2 / 5.0, yields.Letter.Yield, 12);
    }

    [Fact]
    public void Emails_beyond_the_last_reminder_count_with_the_last_reminder()
    {
        // Four e-mails (sent when more reminders were configured), no answer: tries 1, 1 and 2 per number.
        var yields = Yields(Client("e", ForecastRoute.Email,
            [(ContactMode.Email, Day(9, 1), AttemptOutcome.Sent), (ContactMode.Email, Day(9, 8), AttemptOutcome.Sent),
             (ContactMode.Email, Day(9, 15), AttemptOutcome.Sent), (ContactMode.Email, Day(9, 22), AttemptOutcome.Sent)]));

        // (0 + 1) / (4 + 4) = 1/8; per number (0 + 4/8) / (n + 4): 1/10, 1/10, 1/12.
        Assert.Equal(4, yields.Email.Approaches);
        Assert.Equal([1 / 10.0, 1 / 10.0, 1 / 12.0], yields.Email.Steps, Near);
    }
}
