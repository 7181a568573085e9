using Kto.Core.Accounts;
using Kto.Core.Settings;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Accounts;

public sealed class SessionAndSignInTests
{
    private readonly InMemoryAccounts stores = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly PortalSettings settings = new();

    private SignInService SignIn() => new(stores, stores, stores, stores, stores, settings, new KtoSettings { PublicBaseUrl = "https://kto.example.nl" }, time);
    private SessionService Sessions() => new(stores, stores, stores, settings, time);

    private async Task<string> SignedInAsync(string email = "anna@acme.nl")
    {
        stores.Users[email] = new PortalUser(email, UserRole.Company, "acme", time.GetUtcNow(), "test");
        var link = await SignIn().CreateLinkAsync(email, default);
        var result = await SignIn().SignInAsync(link!.Split("t=")[1], default);
        Assert.Equal(SignInLinkUse.Valid, result.Use);
        return result.SessionId!;
    }

    [Fact]
    public async Task A_session_stays_while_used_and_ends_after_the_idle_timeout()
    {
        var session = await SignedInAsync();
        time.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(SessionState.Active, (await Sessions().ResolveAsync(session, default)).State);
        time.Advance(TimeSpan.FromMinutes(25));   // 25 minutes after the last request: still within 30
        Assert.Equal(SessionState.Active, (await Sessions().ResolveAsync(session, default)).State);

        time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync(session, default)).State);
        Assert.Empty(stores.Sessions);
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active()
    {
        var session = await SignedInAsync();
        for (var i = 0; i < 12 * 3 - 1; i++)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(SessionState.Active, (await Sessions().ResolveAsync(session, default)).State);
        }

        time.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync(session, default)).State);
    }

    [Fact]
    public async Task A_link_works_once_and_not_after_fifteen_minutes()
    {
        stores.Users["a@b.nl"] = new PortalUser("a@b.nl", UserRole.Bureau, null, time.GetUtcNow(), "test");
        var first = (await SignIn().CreateLinkAsync("a@b.nl", default))!.Split("t=")[1];
        var second = (await SignIn().CreateLinkAsync("a@b.nl", default))!.Split("t=")[1];

        Assert.Equal(SignInLinkUse.Valid, (await SignIn().SignInAsync(first, default)).Use);
        Assert.Equal(SignInLinkUse.AlreadyUsed, (await SignIn().SignInAsync(first, default)).Use);
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(SignInLinkUse.Expired, (await SignIn().SignInAsync(second, default)).Use);
        Assert.Equal(SignInLinkUse.Unknown, (await SignIn().SignInAsync("nergens", default)).Use);
    }

    [Fact]
    public async Task Requests_for_an_unknown_address_send_nothing_and_one_address_gets_the_hourly_limit()
    {
        stores.Users["a@b.nl"] = new PortalUser("a@b.nl", UserRole.Bureau, null, time.GetUtcNow(), "test");

        // Each request from its own source: this test is about the per-address limit.
        var unknown = await SignIn().RequestLinkAsync("onbekend@b.nl", "198.51.100.1", default);
        Assert.Equal(LinkRequestOutcome.Accepted, unknown.Outcome);
        var known = new List<LinkRequest>();
        for (var i = 0; i < 8; i++) known.Add(await SignIn().RequestLinkAsync("A@B.nl", $"198.51.100.{i + 2}", default));
        Assert.Equal(LinkRequestOutcome.Invalid, (await SignIn().RequestLinkAsync("geen adres", "198.51.100.99", default)).Outcome);

        Assert.Empty(stores.Mails); // nothing is mailed while the request runs
        foreach (var queued in known.Append(unknown).Select(r => r.QueuedMail).OfType<string>()) await SignIn().SendQueuedAsync(queued, default);
        Assert.Equal(settings.SignInMailsPerHour, stores.Mails.Count);
        Assert.All(stores.Mails, m => Assert.Equal("a@b.nl", m.Email));
        Assert.Empty(stores.Outbox);   // the unknown address left the queue with the rest
        time.Advance(TimeSpan.FromMinutes(61));
        var later = await SignIn().RequestLinkAsync("a@b.nl", "198.51.100.50", default);
        await SignIn().SendQueuedAsync(later.QueuedMail!, default);
        Assert.Equal(settings.SignInMailsPerHour + 1, stores.Mails.Count);
    }

    [Fact]
    public async Task One_source_gets_its_limit_a_minute_then_too_many_with_the_wait_and_a_mail_left_behind_is_sent_by_the_safety_net()
    {
        stores.Users["a@b.nl"] = new PortalUser("a@b.nl", UserRole.Bureau, null, time.GetUtcNow(), "test");
        var answers = new List<LinkRequest>();
        for (var i = 0; i < settings.SignInRequestsPerSourcePerMinute + 3; i++)
            answers.Add(await SignIn().RequestLinkAsync($"x{i}@b.nl", "203.0.113.9", default));

        Assert.Equal(settings.SignInRequestsPerSourcePerMinute, answers.Count(a => a.Outcome == LinkRequestOutcome.Accepted));
        Assert.All(answers.Skip(settings.SignInRequestsPerSourcePerMinute), a =>
        {
            Assert.Equal(LinkRequestOutcome.TooMany, a.Outcome);
            Assert.InRange(a.RetryAfter!.Value, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1));
        });
        Assert.Equal(LinkRequestOutcome.Accepted, (await SignIn().RequestLinkAsync("a@b.nl", "203.0.113.10", default)).Outcome);

        // No background sender ran (it died): the timer's safety net sends once the claim time has passed.
        Assert.Equal(0, await SignIn().SendLeftoversAsync(default));
        time.Advance(SignInService.ClaimTime + TimeSpan.FromSeconds(1));
        await SignIn().SendLeftoversAsync(default);
        Assert.Single(stores.Mails, m => m.Email == "a@b.nl");
        Assert.Empty(stores.Outbox);
    }

    [Fact]
    public void A_cookie_with_a_changed_id_or_signature_is_not_read_and_form_tokens_are_bound_to_their_session()
    {
        var key = PortalKey.From("test-key");
        var cookie = key.Sign("sessie-1");

        Assert.Equal("sessie-1", key.Read(cookie));
        Assert.Null(key.Read("sessie-2" + cookie[cookie.IndexOf('.')..]));
        Assert.Null(key.Read(cookie[..^1] + (cookie[^1] == 'a' ? 'b' : 'a')));
        Assert.Null(PortalKey.From("other-key").Read(cookie));
        Assert.True(key.FormTokenMatches("sessie-1", key.FormToken("sessie-1")));
        Assert.False(key.FormTokenMatches("sessie-2", key.FormToken("sessie-1")));
        Assert.False(key.FormTokenMatches("sessie-1", null));
    }

    [Fact]
    public async Task A_session_used_exactly_at_the_end_of_its_lifetime_still_counts()
    {
        // The lifetime is inclusive, as the idle timeout is: a session ends only once more than its lifetime has passed.
        await SignedInAsync();
        var created = time.GetUtcNow();
        var old = Kto.Core.Access.SecretKeys.Hash("oude-sessie");
        stores.Sessions[old] = new PortalSession(old, "anna@acme.nl", created - settings.SessionLifetime, created);
        Assert.Equal(SessionState.Active, (await Sessions().ResolveAsync("oude-sessie", default)).State);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync("oude-sessie", default)).State);
    }

    [Fact]
    public async Task Last_seen_is_not_written_again_exactly_a_minute_after_the_last_write()
    {
        // Every page reads the session; last-seen is written only once more than a minute has passed.
        var session = await SignedInAsync();
        var hash = Kto.Core.Access.SecretKeys.Hash(session);
        var signedInAt = stores.Sessions[hash].LastSeenAt;

        time.Advance(TimeSpan.FromMinutes(1));
        await Sessions().ResolveAsync(session, default);
        Assert.Equal(signedInAt, stores.Sessions[hash].LastSeenAt);

        time.Advance(TimeSpan.FromSeconds(1));
        await Sessions().ResolveAsync(session, default);
        Assert.Equal(time.GetUtcNow(), stores.Sessions[hash].LastSeenAt);
    }

    [Fact]
    public void An_id_with_a_dot_in_it_is_read_back_whole()
    {
        // The signature follows the last dot: an id may hold dots of its own.
        var key = PortalKey.From("test-key");

        Assert.Equal("sessie.met.punten", key.Read(key.Sign("sessie.met.punten")));
    }
}
