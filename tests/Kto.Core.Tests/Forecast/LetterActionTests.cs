using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Forecast;

/// <summary>"Post letters" counts the clients a letter is due for now: posted letters are the letter attempts sent, nothing else.</summary>
public sealed class LetterActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_bounced_mail_is_no_letter_and_a_letter_posted_two_days_ago_makes_no_reminder_due_yet()
    {
        var forecaster = new ResponseForecaster(new ForecastSettings(), new ReportSettings(), new FieldworkSettings { ReminderDays = "7,14" });
        var bounced = new ForecastClient("a", Perceel.NaarWerk, new DateOnly(2026, 9, 1), ForecastRoute.Letter,
            new ContactState(ServiceStatus.Open, true, true, 1, Now.AddDays(-2), null),
            [new ContactAttempt(new ServiceRef("acme", 2026, "a"), ContactStep.Invitation, ContactMode.Email, Now.AddDays(-2), AttemptOutcome.Sent)]);
        var lettered = new ForecastClient("b", Perceel.NaarWerk, new DateOnly(2026, 9, 1), ForecastRoute.Letter,
            new ContactState(ServiceStatus.Open, false, false, 0, null, null),
            [new ContactAttempt(new ServiceRef("acme", 2026, "b"), ContactStep.Invitation, ContactMode.Letter, Now.AddDays(-2), AttemptOutcome.Sent)]);

        var forecast = forecaster.Forecast(new ForecastInput("acme", 2026, Now, [bounced, lettered], [Now.AddDays(-10)]));

        var post = Assert.Single(forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk).Actions, a => a.Kind == ForecastActionKind.PostLetters);
        Assert.Equal(1, post.Clients);
    }

    [Fact]
    public void A_client_that_had_all_its_letters_gets_none_more_and_one_whose_reminder_letter_is_due_gets_it()
    {
        // Two reminders: three letters in all. Done had them 30, 23 and 16 days ago; due had its first 8 days ago (reminder 1 due
        // after 7). Default yields: letter 0.10 with weight 20; 4 letters, no answer: (0 + 2) / (4 + 20) = 1/12; reminder
        // letter 1 (one try): (0 + 20/12) / (1 + 20) = 5/63 = 0.08.
        var forecaster = new ResponseForecaster(new ForecastSettings(), new ReportSettings(), new FieldworkSettings { ReminderDays = "7,14" });
        ContactAttempt Posted(string id, int daysAgo) =>
            new(new ServiceRef("acme", 2026, id), ContactStep.Invitation, ContactMode.Letter, Now.AddDays(-daysAgo), AttemptOutcome.Sent);
        var offline = new ContactState(ServiceStatus.Open, false, false, 0, null, null);
        var done = new ForecastClient("done", Perceel.NaarWerk, new DateOnly(2026, 8, 1), ForecastRoute.Letter, offline,
            [Posted("done", 30), Posted("done", 23), Posted("done", 16)]);
        var due = new ForecastClient("due", Perceel.NaarWerk, new DateOnly(2026, 8, 1), ForecastRoute.Letter, offline, [Posted("due", 8)]);

        var forecast = forecaster.Forecast(new ForecastInput("acme", 2026, Now, [done, due], [Now.AddDays(-40)]));

        var post = Assert.Single(forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk).Actions, a => a.Kind == ForecastActionKind.PostLetters);
        Assert.Equal((1, 0.08), (post.Clients, post.ExpectedResponses));
    }
}
