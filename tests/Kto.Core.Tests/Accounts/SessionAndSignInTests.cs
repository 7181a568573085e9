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

        Assert.True(await SignIn().RequestLinkAsync("onbekend@b.nl", default));
        for (var i = 0; i < 8; i++) Assert.True(await SignIn().RequestLinkAsync("A@B.nl", default));
        Assert.False(await SignIn().RequestLinkAsync("geen adres", default));

        Assert.Equal(settings.SignInMailsPerHour, stores.Mails.Count);
        Assert.All(stores.Mails, m => Assert.Equal("a@b.nl", m.Email));
        time.Advance(TimeSpan.FromMinutes(61));
        await SignIn().RequestLinkAsync("a@b.nl", default);
        Assert.Equal(settings.SignInMailsPerHour + 1, stores.Mails.Count);
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
}
