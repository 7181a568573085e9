using Kto.Core.Fieldwork;
using Kto.Core.Interviews;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Interviews;

/// <summary>The call list: who is on it, in which order, when calling stops, and the calling hours.</summary>
public class CallListServiceTests
{
    // Monday 30 November 2026, 11:00 in Amsterdam.
    private static readonly DateTimeOffset Monday11 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemorySurveyData data = new();
    private FakeTimeProvider time = new(Monday11);

    private CallListService Service(int maxCalls = 3) =>
        new(data, data, new ContactPolicy(new FieldworkSettings { MaxCallAttempts = maxCalls }), time);

    [Fact]
    public async Task Clients_only_the_phone_can_reach_come_first_then_the_fewest_calls()
    {
        var withEmail = data.Add("a-email", InMemorySurveyData.Contact("K1"), hasEmail: true);
        var withAddress = data.Add("b-address", InMemorySurveyData.Contact("K2", adres: "Straat 1", postcode: "1234 AB"));
        var phoneOnlyTwice = data.Add("c-phone-2", InMemorySurveyData.Contact("K3"));
        var phoneOnly = data.Add("d-phone-0", InMemorySurveyData.Contact("K4"));
        var bounced = data.Add("e-bounced", InMemorySurveyData.Contact("K5"), hasEmail: true, bounced: true);
        data.Call(phoneOnlyTwice, AttemptOutcome.NoAnswer, Monday11.AddDays(-2));
        data.Call(phoneOnlyTwice, AttemptOutcome.Voicemail, Monday11.AddDays(-1));
        data.Call(withEmail, AttemptOutcome.NoAnswer, Monday11.AddDays(-1));

        var list = await Service().ListAsync("acme", 2026, default);

        Assert.Equal([phoneOnly, bounced, phoneOnlyTwice, withAddress, withEmail], list.Clients.Select(c => c.Service));
        Assert.Equal([true, true, true, false, false], list.Clients.Select(c => c.OnlyByPhone));
        var twice = list.Clients.Single(c => c.Service == phoneOnlyTwice);
        Assert.Equal((2, AttemptOutcome.Voicemail), (twice.Calls, twice.LastOutcome));
    }

    [Fact]
    public async Task With_as_many_calls_the_earliest_call_back_then_the_longest_untried_comes_first()
    {
        var later = data.Add("a-later-call-back", InMemorySurveyData.Contact("K1"));
        var sooner = data.Add("b-sooner-call-back", InMemorySurveyData.Contact("K2"));
        var recent = data.Add("c-called-recently", InMemorySurveyData.Contact("K3"));
        var longAgo = data.Add("d-called-long-ago", InMemorySurveyData.Contact("K4"));
        data.Call(later, AttemptOutcome.CallBack, Monday11.AddHours(-1), callBackAt: Monday11.AddHours(6));
        data.Call(sooner, AttemptOutcome.CallBack, Monday11.AddHours(-1), callBackAt: Monday11.AddHours(2));
        data.Call(recent, AttemptOutcome.NoAnswer, Monday11.AddHours(-1));
        data.Call(longAgo, AttemptOutcome.NoAnswer, Monday11.AddDays(-2));

        var list = await Service().ListAsync("acme", 2026, default);

        Assert.Equal([longAgo, recent, sooner, later], list.Clients.Select(c => c.Service));
    }

    [Fact]
    public async Task The_last_call_is_the_latest_in_time_whatever_order_the_calls_were_stored_in()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        data.Call(service, AttemptOutcome.Voicemail, Monday11.AddHours(-1));
        data.Call(service, AttemptOutcome.NoAnswer, Monday11.AddDays(-1)); // stored later, made earlier

        var client = Assert.Single((await Service().ListAsync("acme", 2026, default)).Clients);

        Assert.Equal((AttemptOutcome.Voicemail, Monday11.AddHours(-1)), (client.LastOutcome, client.LastCallAt));
    }

    [Fact]
    public async Task The_sheet_says_whether_the_client_answered()
    {
        var open = data.Add("s1", InMemorySurveyData.Contact("K1"));
        var answered = data.Add("s2", InMemorySurveyData.Contact("K2"));
        data.AddResponseDirectly(new StoredResponse(answered, Perceel.NaarWerk, new Answers("kto-2026-1", new Dictionary<string, AnswerValue>()), Monday11));

        Assert.False((await Service().SheetAsync(open, default))!.Answered);
        Assert.True((await Service().SheetAsync(answered, default))!.Answered);
    }

    [Fact]
    public async Task Answered_opted_out_refused_wrong_numbers_without_phone_and_the_maximum_of_calls_leave_the_list()
    {
        var open = data.Add("open", InMemorySurveyData.Contact("K0"));
        data.Add("no-phone", InMemorySurveyData.Contact("K1", telefoon: null));
        data.Add("opted-out", InMemorySurveyData.Contact("K2"), status: ServiceStatus.OptedOut);
        var answered = data.Add("answered", InMemorySurveyData.Contact("K3"));
        data.AddResponseDirectly(new StoredResponse(answered, Perceel.NaarWerk, new Answers("kto-2026-1", new Dictionary<string, AnswerValue>()), Monday11));
        var refused = data.Add("refused", InMemorySurveyData.Contact("K4"));
        data.Call(refused, AttemptOutcome.Refused, Monday11.AddHours(-1));
        var wrong = data.Add("wrong", InMemorySurveyData.Contact("K5"));
        data.Call(wrong, AttemptOutcome.WrongNumber, Monday11.AddHours(-1));
        var tried = data.Add("tried", InMemorySurveyData.Contact("K6"));
        for (var i = 0; i < 3; i++) data.Call(tried, AttemptOutcome.NoAnswer, Monday11.AddHours(-i - 1));
        var callBack = data.Add("call-back", InMemorySurveyData.Contact("K7"));
        data.Call(callBack, AttemptOutcome.CallBack, Monday11.AddHours(-1), callBackAt: Monday11.AddHours(5));
        // An e-mail attempt is no call.
        data.Attempts.Add(new ContactAttempt(open, ContactStep.Invitation, ContactMode.Email, Monday11.AddDays(-3), AttemptOutcome.Sent));

        var list = await Service(maxCalls: 3).ListAsync("acme", 2026, default);

        Assert.Equal(["open", "call-back"], list.Clients.Select(c => c.Service.ServiceId));
        Assert.Equal(0, list.Clients[0].Calls);
        Assert.Equal(Monday11.AddHours(5), list.Clients[1].CallBackAt);
        Assert.Equal(3, list.MaxCallAttempts);
        // With a higher maximum the client tried three times is back.
        Assert.Contains((await Service(maxCalls: 4).ListAsync("acme", 2026, default)).Clients, c => c.Service == tried);
    }

    [Theory]
    [InlineData("2026-11-30T08:59:00+01:00", false)] // Monday before 9
    [InlineData("2026-11-30T09:00:00+01:00", true)]
    [InlineData("2026-11-30T19:59:00+01:00", true)]
    [InlineData("2026-11-30T20:00:00+01:00", false)]
    [InlineData("2026-11-29T12:00:00+01:00", false)] // Sunday
    [InlineData("2026-07-01T19:30:00+02:00", true)]  // summer time: still Dutch hours
    public async Task The_list_knows_whether_it_is_calling_time_in_Amsterdam(string at, bool callingTime)
    {
        data.Add("open", InMemorySurveyData.Contact("K0"));
        time = new FakeTimeProvider(DateTimeOffset.Parse(at));

        var list = await Service().ListAsync("acme", 2026, default);

        Assert.Equal(callingTime, list.CallingTime);
        Assert.Equal(new CallingHours(9, 20, NotOnSunday: true), list.CallingHours);
        Assert.Equal("van 9:00 tot 20:00 uur, niet op zondag", list.CallingHours.ToString());
        Assert.Single(list.Clients); // read-only outside the hours, never empty
    }

    [Fact]
    public async Task The_sheet_shows_the_calls_so_far_and_ends_calling_after_a_refusal()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"));
        data.Call(service, AttemptOutcome.NoAnswer, Monday11.AddHours(-2));
        Assert.False((await Service().SheetAsync(service, default))!.CallingEnded);
        data.Call(service, AttemptOutcome.Refused, Monday11.AddHours(-1));

        var sheet = await Service().SheetAsync(service, default);

        Assert.NotNull(sheet);
        Assert.Equal([AttemptOutcome.NoAnswer, AttemptOutcome.Refused], sheet.Calls.Select(c => c.Outcome));
        Assert.True(sheet.CallingEnded);
        Assert.Null(await Service().SheetAsync(new ServiceRef("acme", 2026, "nope"), default));
    }
}
