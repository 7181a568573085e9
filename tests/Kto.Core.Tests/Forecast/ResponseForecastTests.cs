using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Forecast;

/// <summary>Issue 24: the response forecast per perceel, on a year whose projection is worked out by hand below.</summary>
public sealed class ResponseForecastTests
{
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 12, 0, 0, Cest);
    private static DateTimeOffset Day(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Cest);

    // Every default yield 0.25 with weight 4: a mode's yield is (responses + 1) / (approaches + 4). The timing defaults
    // (a letter every 14 days, a call every 7, answers spread evenly over the 7-day window) weigh 3 observations.
    private static readonly ForecastSettings Settings = new()
    {
        DefaultEmailYield = 0.25, DefaultLetterYield = 0.25, DefaultPhoneYield = 0.25, PriorWeight = 4, ResponseWindowDays = 7, RangeZ = 1.28, DeliveryDueDay = 10,
        DefaultLetterGapDays = 14, DefaultCallGapDays = 7, TimingPriorWeight = 3,
    };

    private static readonly ReportSettings Norms = new() { MinimumResponseRate = 0.30, KpiMinimumMeanGrade = 7, ExemptionThreshold = 5 };

    // Two reminders (1 + 2 approaches by e-mail or letter), five calls.
    private static readonly FieldworkSettings Fieldwork = new() { ReminderDays = "7,14", MaxCallAttempts = 5 };

    private static ForecastService Service(InMemoryForecastSources data, DateTimeOffset now) =>
        new(data, data, data, data, new ResponseForecaster(Settings, Norms, Fieldwork), new FakeTimeProvider(now));

    private static readonly ContactDetails EmailOnly = new("k", "Sam", null, null, "Jansen", "sam@example.nl", null, null, null, null);
    private static readonly ContactDetails Post = new("k", "Sam", null, null, "Jansen", null, null, "Dorpsstraat 1", "1234 AB", "Utrecht");
    private static readonly ContactDetails PhoneOnly = new("k", "Sam", null, null, "Jansen", null, "0612345678", null, null, null);
    private static readonly ContactDetails Nothing = new("k", "Sam", null, null, "Jansen", null, null, null, null, null);

    private static ContactState Email(int steps, DateTimeOffset? invited, ServiceStatus status = ServiceStatus.Open) =>
        new(status, true, false, steps, invited, null);

    private static ContactState Offline(ServiceStatus status = ServiceStatus.Open) => new(status, false, false, 0, null, null);

    /// <summary>
    /// Acme, 2026, on 15 October. Deliveries came monthly, the last on 5 September: January to August are covered.
    /// Naar werk: 16 services ended January–August (two a month), 6 answered.
    /// <list type="bullet">
    /// <item>E-mail (10): e1–e4 invited 1 Sep and answered the next day; e5–e7 got all three mails (1, 8, 15 Sep), no answer;
    /// e8–e10 were invited 1 Oct, reminder 1 due since 8 Oct. E-mail: 4 responses in 4 + 9 + 3 = 16 approaches,
    /// q = (4 + 4 × 0.25) / (16 + 4) = 5 / 20 = 0.25; per approach number, shrunk towards 0.25 with weight 4:
    /// invitation (4 + 1) / (10 + 4) = 5/14, reminder 1 (0 + 1) / (3 + 4) = 1/7, reminder 2 likewise 1/7.</item>
    /// <item>Letter (4): l1 got a letter on 1 Sep and answered on paper on 10 Sep; l2–l4 got one letter on 1 Sep (reminder letter due).
    /// q = (1 + 1) / (4 + 4) = 0.25; first letter (1 + 1) / (4 + 4) = 0.25, reminder letters (0 + 1) / (0 + 4) = 0.25.</item>
    /// <item>Phone only (2): p1 answered in the third call (two no-answers first); p2 had one no-answer. q = (1 + 1) / (4 + 4) = 0.25.</item>
    /// </list>
    /// Werkfit maken: 5 services (January–May) with neither e-mail, address nor phone: nobody can be approached.
    /// </summary>
    private static InMemoryForecastSources HandWorkedYear()
    {
        var data = new InMemoryForecastSources();
        for (var m = 2; m <= 9; m++) data.Delivered(Day(m, 5));
        data.Delivered(Day(10, 1), "refused"); // a refused file covers nothing
        var n = 0;
        DateOnly NextEnd() => new(2026, n++ / 2 + 1, 15);

        for (var i = 1; i <= 4; i++)
        {
            data.Add($"e{i}", Perceel.NaarWerk, NextEnd(), Email(1, Day(9, 1), ServiceStatus.Responded), EmailOnly);
            data.Attempt($"e{i}", ContactMode.Email, Day(9, 1));
            data.Respond($"e{i}", Perceel.NaarWerk, Day(9, 2), 8);
        }
        for (var i = 5; i <= 7; i++)
        {
            data.Add($"e{i}", Perceel.NaarWerk, NextEnd(), Email(3, Day(9, 1)), EmailOnly);
            data.Attempt($"e{i}", ContactMode.Email, Day(9, 1));
            data.Attempt($"e{i}", ContactMode.Email, Day(9, 8), step: 1);
            data.Attempt($"e{i}", ContactMode.Email, Day(9, 15), step: 2);
        }
        for (var i = 8; i <= 10; i++)
        {
            data.Add($"e{i}", Perceel.NaarWerk, NextEnd(), Email(1, Day(10, 1)), EmailOnly);
            data.Attempt($"e{i}", ContactMode.Email, Day(10, 1));
        }
        data.Add("l1", Perceel.NaarWerk, NextEnd(), Offline(ServiceStatus.Responded), Post);
        data.Attempt("l1", ContactMode.Letter, Day(9, 1));
        data.Respond("l1", Perceel.NaarWerk, Day(9, 10), 7, ResponseMode.Paper);
        for (var i = 2; i <= 4; i++)
        {
            data.Add($"l{i}", Perceel.NaarWerk, NextEnd(), Offline(), Post);
            data.Attempt($"l{i}", ContactMode.Letter, Day(9, 1));
        }
        data.Add("p1", Perceel.NaarWerk, NextEnd(), Offline(ServiceStatus.Responded), PhoneOnly);
        data.Attempt("p1", ContactMode.Phone, Day(9, 2), AttemptOutcome.NoAnswer);
        data.Attempt("p1", ContactMode.Phone, Day(9, 3), AttemptOutcome.NoAnswer);
        data.Attempt("p1", ContactMode.Phone, Day(9, 4), AttemptOutcome.Reached);
        data.Respond("p1", Perceel.NaarWerk, Day(9, 4, 11), 9, ResponseMode.Phone);
        data.Add("p2", Perceel.NaarWerk, NextEnd(), Offline(), PhoneOnly);
        data.Attempt("p2", ContactMode.Phone, Day(9, 2), AttemptOutcome.NoAnswer);
        // Grades 8, 8, 8, 8, 7, 9: mean 8.
        for (var i = 1; i <= 5; i++) data.Add($"w{i}", Perceel.WerkfitMaken, new DateOnly(2026, i, 10), Offline(), Nothing);
        return data;
    }

    [Fact]
    public async Task The_hand_worked_year_gives_its_projection_range_and_ranked_actions()
    {
        var forecast = await Service(HandWorkedYear(), Now).ForYearAsync("acme", 2026, default);

        Assert.Equal((0.25, 0.25, 0.25), (forecast.Yields.Email.Yield, forecast.Yields.Letter.Yield, forecast.Yields.Phone.Yield));
        Assert.Equal((16, 4, 4), (forecast.Yields.Email.Approaches, forecast.Yields.Letter.Approaches, forecast.Yields.Phone.Approaches));
        Assert.Equal([5 / 14.0, 1 / 7.0, 1 / 7.0], forecast.Yields.Email.Steps, (a, b) => Math.Abs(a - b) < 1e-12);

        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        Assert.Equal((16, 6, 0.375), (naarWerk.Ended, naarWerk.Responded, naarWerk.ResponseRate));
        // The bureau's pace, approaches per client-day while some were due (from the delivery: June's ends came on 5 July,
        // July's on 5 August, August's on 5 September, or the first approach if earlier), Gamma prior 3 approaches at the
        // default gap (letters 14 days, calls 7):
        // letters: l1 1 letter in 67 days (to its answer on 10 Sep), l2 1 in 102.08 days, l3 and l4 1 in 71.08 days each (to now):
        // (4 + 3) / (311.25 + 42) = 0.019816 a day (sd √7 / 353.25 = 0.00749); calls: p1 3 calls in 2.04 days (from its first call
        // to its answer), p2 1 in 43.08: (4 + 3) / (45.125 + 21) = 0.10586 a day (sd 0.04001). 109 days left (to 31 January).
        // Open clients: Σ P(approach k is made) × Π(1 − q_j) × q_k over the approaches still ahead; e-mails are always made,
        // a further letter or call when a Poisson count of pace × days left reaches it. e5–e7 none (0); e8–e10 reminders 1
        // and 2: 1 − (6/7)² = 13/49 = 0.2653 each; l2–l4 two letters, μ = 0.019816 × 109 = 2.160: P(≥ 1) = 0.8847,
        // P(≥ 2) = 0.6356, so 0.8847 × 0.25 + 0.6356 × 0.75 × 0.25 = 0.3403 each; p2 four calls, μ = 11.54: 0.6831.
        // Together 3 × 0.2653 + 3 × 0.3403 + 0.6831 = 2.4999.
        // Still to come: 16 in 8 covered months = 2 a month, 4 months → 8, each a fresh client of the mix 10 e-mail : 4 letter
        // : 2 phone, delivered by the due day (September's is late: today, 109 days left; October's 10 November: 83;
        // November's: 53; December's 10 January: 22), the chance averaged over those four months:
        // e-mail 1 − (9/14)(6/7)(6/7) = 0.5277, letter 0.2622, phone 0.6632: (10 × 0.5277 + 4 × 0.2622 + 2 × 0.6632) / 16
        // = 0.4783 → 8 × 0.4783 = 3.8261.
        // Projection: (6 + 2.4999 + 3.8261) / (16 + 8) = 12.3261 / 24 = 0.5136.
        Assert.Equal(24, naarWerk.ExpectedEnded);
        Assert.Equal(0.5136, naarWerk.ProjectedResponseRate);
        // Range ± (1.28 sd + half a respondent); variance in responses: binomial 3.4710 (Σ p(1 − p) + 8 × 0.4783 × 0.5217),
        // the estimates' own uncertainty 3.6701: each one sd higher in turn, the squared changes of the expected responses
        // added. Each mode's pooled yield with all its numbers (Beta-posterior sd √(q(1 − q) / (n + 4 + 1)): e-mail 0.0945:
        // +1.2259; letter and phone 0.1443: +0.7148, +0.3420), the letter and call pace (+0.2676, +0.0402), then each number
        // alone: e-mail invitation (n 10) 0.1237: +0.4545, reminders 1 and 2 (n 3) 0.1237: +0.6590 each; letter 1 (n 4)
        // 0.1443: +0.1584, letters 2 and 3 (n 0) 0.1936: +0.5164, +0.3147. And the 8 to come (variance 8 + 4² × 2 / 8 = 12,
        // times ((0.4783 − 0.5136) / 24)²): sd = √((3.4710 + 3.6701) / 24² + 12 × 0.0000022) = 0.1115, so
        // 0.5136 ∓ (1.28 × 0.1115 + 0.5 / 24) = 0.5136 ∓ 0.1635.
        Assert.Equal(0.3501, naarWerk.ProjectedLow);
        Assert.Equal(0.6771, naarWerk.ProjectedHigh);
        Assert.False(naarWerk.AtRisk);
        Assert.Equal(8, naarWerk.MeanGrade);

        // Ranked by expected responses: September's delivery was due on 10 October (2 clients × 0.4783 = 0.96), the reminder
        // letter to l2–l4 (3 × 0.25 = 0.75), reminder 1 to e8–e10 (3 × 1/7 = 0.43), a call to p2 (0.25).
        Assert.Equal(
            [(ForecastActionKind.MissingDelivery, 2, 0.96, "De levering over september ontbreekt"),
             (ForecastActionKind.PostLetters, 3, 0.75, "Verstuur brieven aan 3 klanten zonder e-mail"),
             (ForecastActionKind.SendReminders, 3, 0.43, "Stuur de herinnering die klaarstaat aan 3 klanten"),
             (ForecastActionKind.CallPhoneOnly, 1, 0.25, "Bel 1 klant die alleen telefonisch bereikbaar is")],
            naarWerk.Actions.Select(a => (a.Kind, a.Clients, a.ExpectedResponses, a.Text)));

        // Werkfit maken: 5 ended, 0.625 a month → 2.5 to come, nobody reachable: 0 % of 7.5, at risk (7.5 ≥ the exemption threshold 5).
        var werkfit = forecast.Percelen.Single(p => p.Perceel == Perceel.WerkfitMaken);
        Assert.Equal((5, 0, 7.5, 0.0, 0.0, 0.0), (werkfit.Ended, werkfit.Responded, werkfit.ExpectedEnded, werkfit.ProjectedResponseRate, werkfit.ProjectedLow, werkfit.ProjectedHigh));
        Assert.True(werkfit.ResponseAtRisk);

        // Nothing delivered and nothing to come: no projection, not at risk.
        var empty = forecast.Percelen.Single(p => p.Perceel == Perceel.Praktijkassessment);
        Assert.Equal((0, null, null, false), (empty.Ended, empty.ProjectedResponseRate, empty.ProjectedLow, empty.AtRisk));
    }

    [Fact]
    public async Task Contact_rows_are_read_only_for_clients_email_cannot_reach()
    {
        var data = HandWorkedYear();
        await Service(data, Now).ForYearAsync("acme", 2026, default);
        Assert.Equal(4 + 2 + 5, data.ContactReads);
    }

    [Fact]
    public async Task After_fieldwork_closes_the_projection_is_the_final_rate_and_nothing_is_left_to_do()
    {
        var forecast = await Service(HandWorkedYear(), new DateTimeOffset(2027, 2, 2, 12, 0, 0, TimeSpan.FromHours(1))).ForYearAsync("acme", 2026, default);

        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        Assert.Equal((0.375, 0.375, 0.375), (naarWerk.ProjectedResponseRate, naarWerk.ProjectedLow, naarWerk.ProjectedHigh));
        Assert.Empty(naarWerk.Actions);
    }

    [Fact]
    public async Task An_email_awaited_within_the_window_is_a_try_only_for_the_answers_that_would_be_in_by_now()
    {
        var data = new InMemoryForecastSources();
        data.Delivered(Day(9, 5));
        data.Add("e1", Perceel.NaarWerk, new DateOnly(2026, 8, 20), Email(1, Day(10, 12, 0)), EmailOnly);
        data.Attempt("e1", ContactMode.Email, Day(10, 12, 0));

        var forecast = await Service(data, Now).ForYearAsync("acme", 2026, default);

        // The invitation of 12 October 00:00 is 3.5 days old on 15 October 12:00. No answer has come in yet anywhere, so the
        // answers are taken as spread evenly over the 7-day window: half of them would be in, and the invitation counts as
        // half a try. E-mail yield (0 + 4 × 0.25) / (0.5 + 4) = 2/9; the invitation's own (0 + 4 × 2/9) / (0.5 + 4) = 16/81,
        // the reminders' (0 + 4 × 2/9) / (0 + 4) = 2/9.
        Assert.Equal(2 / 9.0, forecast.Yields.Email.Yield, 12);
        Assert.Equal([16 / 81.0, 2 / 9.0, 2 / 9.0], forecast.Yields.Email.Steps, (a, b) => Math.Abs(a - b) < 1e-12);
        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        // The client: the invitation still brings an answer with q(1 − ½) / (1 − q½) = (8/81) / (73/81) = 8/73 = 0.1096, then
        // the two reminders: 8/73 + (65/73)(2/9) + (65/73)(7/9)(2/9) = 0.4614. 1/8 a month → 0.5 to come as fresh e-mail
        // clients: 1 − (65/81)(7/9)² = 0.5146. Projection (0.4614 + 0.5 × 0.5146) / 1.5 = 0.4791.
        Assert.Equal(0.4791, naarWerk.ProjectedResponseRate);
        Assert.Equal(1.5, naarWerk.ExpectedEnded);
        Assert.DoesNotContain(naarWerk.Actions, a => a.Kind == ForecastActionKind.SendReminders);
    }

    [Fact]
    public async Task A_letter_the_bureaus_pace_cannot_fit_in_before_fieldwork_closes_is_not_counted_on()
    {
        // One letter client, delivered 5 September, first letter posted 1 October, nothing since: 1 letter in the 135 days to
        // 18 January 2027, pace (1 + 3) / (135 + 3 × 14) = 4/177 a day. On 18 January 14 days are left (to 31 January):
        // μ = 56/177 = 0.3164, P(≥ 1 more letter) = 1 − e^−μ = 0.2712, P(≥ 2) = 1 − e^−μ(1 + μ) = 0.0407, P(≥ 3) = 0.0042.
        var data = new InMemoryForecastSources();
        data.Delivered(Day(9, 5, 11));
        data.Add("l1", Perceel.NaarWerk, new DateOnly(2026, 8, 20), Offline(), Post);
        data.Attempt("l1", ContactMode.Letter, Day(10, 1, 12));
        var now = new DateTimeOffset(2027, 1, 18, 10, 0, 0, TimeSpan.FromHours(1));

        var forecast = await Service(data, now).ForYearAsync("acme", 2026, default);

        Assert.Equal(4 / 177.0, forecast.Yields.Letter.Pace!.Value, 12);
        // Letter yield (0 + 1) / (1 + 4) = 0.2, the first letter's (0 + 4 × 0.2) / (1 + 4) = 0.16, the reminders' 0.2.
        // The client, two reminder letters ahead: 0.2712 × 0.2 + 0.0407 × 0.8 × 0.2 = 0.0607, where a bureau that posts every
        // due letter would give 1 − 0.8² = 0.36. September to December were never delivered: 1/8 a month → 0.5 more, each a
        // fresh letter client with the same 14 days: 0.2712 × 0.16 + 0.0407 × 0.84 × 0.2 + 0.0042 × 0.84 × 0.8 × 0.2 = 0.0508.
        // Projection (0.0607 + 0.5 × 0.0508) / 1.5 = 0.0574.
        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        Assert.Equal(0.0574, naarWerk.ProjectedResponseRate);
    }

    [Fact]
    public async Task A_low_mean_grade_puts_the_perceel_at_risk_even_when_response_is_safe()
    {
        var data = new InMemoryForecastSources();
        // No delivery has covered a month yet: nothing to come, only the ten who answered.
        for (var i = 1; i <= 10; i++)
        {
            data.Add($"e{i}", Perceel.NaarWerk, new DateOnly(2026, 12, 1), Email(1, Day(10, 1), ServiceStatus.Responded), EmailOnly);
            data.Attempt($"e{i}", ContactMode.Email, Day(10, 1));
            data.Respond($"e{i}", Perceel.NaarWerk, Day(10, 2), i % 2 == 0 ? 7 : 6);
        }

        var naarWerk = (await Service(data, Now).ForYearAsync("acme", 2026, default)).Percelen.Single(p => p.Perceel == Perceel.NaarWerk);

        Assert.Equal((1.0, 6.5), (naarWerk.ProjectedResponseRate, naarWerk.MeanGrade));
        Assert.False(naarWerk.ResponseAtRisk);
        Assert.True(naarWerk.GradeAtRisk);
        Assert.True(naarWerk.AtRisk);
    }
}
