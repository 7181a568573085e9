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

    // Every default yield 0.25 with weight 4: a mode's yield is (responses + 1) / (approaches + 4).
    private static readonly ForecastSettings Settings = new()
    {
        DefaultEmailYield = 0.25, DefaultLetterYield = 0.25, DefaultPhoneYield = 0.25, PriorWeight = 4, ResponseWindowDays = 7, RangeZ = 1.28, DeliveryDueDay = 10,
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
        // Open clients, chance 1 − Π(1 − q) over the approaches still ahead: e5–e7 none (0); e8–e10 reminders 1 and 2:
        // 1 − (6/7)² = 13/49 = 0.2653 each; l2–l4 two letters: 1 − 0.75² = 0.4375 each; p2 four calls: 1 − 0.75⁴ = 0.6836.
        // Together 3 × 0.2653 + 3 × 0.4375 + 0.6836 = 2.7920.
        // Still to come: 16 in 8 covered months = 2 a month, 4 months → 8, each a fresh client of the mix 10 e-mail : 4 letter : 2 phone:
        // e-mail 1 − (9/14)(6/7)(6/7) = 0.5277, letter 1 − 0.75³ = 0.5781, phone 1 − 0.75⁵ = 0.7627:
        // (10 × 0.5277 + 4 × 0.5781 + 2 × 0.7627) / 16 = 0.5697 → 8 × 0.5697 = 4.5574.
        // Projection: (6 + 2.7920 + 4.5574) / (16 + 8) = 13.3494 / 24 = 0.5562.
        Assert.Equal(24, naarWerk.ExpectedEnded);
        Assert.Equal(0.5562, naarWerk.ProjectedResponseRate);
        // Range ± 1.28 sd; variance in responses: binomial 3.5005 (Σ p(1 − p) + 8 × 0.5697 × 0.4303), the yields' own
        // uncertainty 4.5457: each estimate one Beta-posterior sd √(q(1 − q) / (n + 4 + 1)) higher in turn, the squared changes
        // of the expected responses added. Each mode's pooled yield with all its numbers (e-mail sd √(0.1875 / 21) = 0.0945:
        // +1.2259; letter and phone √(0.1875 / 9) = 0.1443: +0.9864, +0.3376), then each number alone: e-mail invitation
        // (n 10) sd √((5/14)(9/14) / 15) = 0.1237: +0.4545, reminders 1 and 2 (n 3) √((1/7)(6/7) / 8) = 0.1237: +0.6590 each;
        // letter 1 (n 4) 0.1443: +0.1624, letters 2 and 3 (n 0) √(0.1875 / 5) = 0.1936: +0.6536 each.
        // 1.5029 + 0.9730 + 0.1140 + 0.2065 + 2 × 0.4343 + 0.0264 + 2 × 0.4271 = 4.5457. And the 8 to come (variance
        // 8 + 4² × 2 / 8 = 12, times ((0.5697 − 0.5562) / 24)²): sd = √((3.5005 + 4.5457) / 24² + 12 × 0.00000032) = 0.1182,
        // so 0.5562 ∓ 1.28 × 0.1182.
        Assert.Equal(0.4049, naarWerk.ProjectedLow);
        Assert.Equal(0.7075, naarWerk.ProjectedHigh);
        Assert.False(naarWerk.AtRisk);
        Assert.Equal(8, naarWerk.MeanGrade);

        // Ranked by expected responses: September's delivery was due on 10 October (2 clients × 0.5697 = 1.14), the reminder
        // letter to l2–l4 (3 × 0.25 = 0.75), reminder 1 to e8–e10 (3 × 1/7 = 0.43), a call to p2 (0.25).
        Assert.Equal(
            [(ForecastActionKind.MissingDelivery, 2, 1.14, "De levering over september ontbreekt"),
             (ForecastActionKind.PostLetters, 3, 0.75, "Verstuur brieven aan 3 klanten zonder e-mail"),
             (ForecastActionKind.SendReminders, 3, 0.43, "Stuur de herinnering die klaarstaat aan 3 klanten"),
             (ForecastActionKind.CallPhoneOnly, 1, 0.25, "Bel 1 klanten die alleen telefonisch bereikbaar zijn")],
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
    public async Task A_new_company_starts_from_the_bureau_defaults_and_an_email_awaited_within_the_window_is_not_yet_a_failure()
    {
        var data = new InMemoryForecastSources();
        data.Delivered(Day(9, 5));
        data.Add("e1", Perceel.NaarWerk, new DateOnly(2026, 8, 20), Email(1, Day(10, 12)), EmailOnly);
        data.Attempt("e1", ContactMode.Email, Day(10, 12));

        var forecast = await Service(data, Now).ForYearAsync("acme", 2026, default);

        // The invitation of 12 October is 3 days old: no approach counted yet, so every yield is the default.
        Assert.Equal((0, 0.25), (forecast.Yields.Email.Approaches, forecast.Yields.Email.Yield));
        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        // The one client has all three mails ahead (the live invitation counts): 1 − 0.75³ = 0.578125; 1/8 a month → 0.5 to come
        // at the same chance: 0.578125 × 1.5 / 1.5.
        Assert.Equal(0.5781, naarWerk.ProjectedResponseRate);
        Assert.Equal(1.5, naarWerk.ExpectedEnded);
        Assert.DoesNotContain(naarWerk.Actions, a => a.Kind == ForecastActionKind.SendReminders);
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
