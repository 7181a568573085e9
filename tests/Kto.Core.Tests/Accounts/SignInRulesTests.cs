using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Settings;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Accounts;

/// <summary>The sign-in and session rules one by one: what a link, a session and a cookie may and may not do.</summary>
public sealed class SignInRulesTests
{
    private readonly InMemoryAccounts stores = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 30, TimeSpan.Zero));
    private readonly PortalSettings settings = new();

    private SignInService SignIn(string baseUrl = "https://kto.example.nl") =>
        new(stores, stores, stores, stores, stores, settings, new KtoSettings { PublicBaseUrl = baseUrl }, time);

    private SessionService Sessions() => new(stores, stores, stores, settings, time);

    private PortalUser AddUser(string email = "anna@acme.nl", UserRole role = UserRole.Company, string? company = "acme")
    {
        var user = new PortalUser(email, role, company, time.GetUtcNow(), "test");
        stores.Users[email] = user;
        return user;
    }

    private static string TokenOf(string link) => link.Split("t=")[1];

    [Fact]
    public async Task A_link_points_at_the_public_sign_in_page_and_carries_only_a_token_stored_by_its_hash()
    {
        AddUser();
        var link = await SignIn("https://kto.example.nl/").CreateLinkAsync("Anna@Acme.nl ", default);

        Assert.StartsWith("https://kto.example.nl/portal/sign-in?t=", link);
        var token = TokenOf(link!);
        var stored = Assert.Single(stores.Links);
        Assert.Equal(SecretKeys.Hash(token), stored.Key);
        Assert.NotEqual(token, stored.Key);
        Assert.Equal("anna@acme.nl", stored.Value.Email);
        Assert.Equal(time.GetUtcNow() + settings.SignInLinkLifetime, stored.Value.Expires);
    }

    [Fact]
    public async Task No_link_is_made_for_an_address_without_an_account()
    {
        Assert.Null(await SignIn().CreateLinkAsync("niemand@acme.nl", default));
        Assert.Empty(stores.Links);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Signing_in_without_a_token_is_unknown_and_starts_no_session(string? token)
    {
        Assert.Equal(SignInLinkUse.Unknown, (await SignIn().SignInAsync(token, default)).Use);
        Assert.Empty(stores.Sessions);
    }

    [Fact]
    public async Task A_token_longer_than_100_characters_is_not_looked_up()
    {
        AddUser();
        var token = TokenOf((await SignIn().CreateLinkAsync("anna@acme.nl", default))!);
        // Stored hashes of longer tokens: were they looked up, they would be valid.
        var at100 = token + new string('x', 100 - token.Length);
        var at101 = at100 + "x";
        stores.Links[SecretKeys.Hash(at100)] = stores.Links[SecretKeys.Hash(token)];
        stores.Links[SecretKeys.Hash(at101)] = stores.Links[SecretKeys.Hash(token)];

        Assert.Equal(SignInLinkUse.Unknown, (await SignIn().SignInAsync(at101, default)).Use);
        Assert.Empty(stores.Sessions);
        Assert.Equal(SignInLinkUse.Valid, (await SignIn().SignInAsync(at100, default)).Use);
    }

    [Fact]
    public async Task A_valid_link_of_a_removed_user_starts_no_session()
    {
        AddUser();
        var token = TokenOf((await SignIn().CreateLinkAsync("anna@acme.nl", default))!);
        stores.Users.Clear();

        var result = await SignIn().SignInAsync(token, default);

        Assert.Equal(SignInLinkUse.Unknown, result.Use);
        Assert.Null(result.SessionId);
        Assert.Empty(stores.Sessions);
        Assert.Empty(stores.Audit);
    }

    [Fact]
    public async Task Signing_in_stores_the_session_by_the_hash_of_its_id_and_audits_who_signed_in()
    {
        var user = AddUser();
        var token = TokenOf((await SignIn().CreateLinkAsync(user.Email, default))!);

        var result = await SignIn().SignInAsync(token, default);

        Assert.Equal(SignInLinkUse.Valid, result.Use);
        Assert.Equal(user, result.User);
        var session = Assert.Single(stores.Sessions).Value;
        Assert.Equal(SecretKeys.Hash(result.SessionId!), session.IdHash);
        Assert.Equal(user.Email, session.Email);
        Assert.Equal(time.GetUtcNow(), session.CreatedAt);
        var entry = Assert.Single(stores.Audit);
        Assert.Equal((AuditActions.SignedIn, "anna@acme.nl", "acme"), (entry.Action, entry.Actor, entry.Company));
    }

    [Fact]
    public async Task A_queued_request_older_than_a_links_lifetime_is_dropped_without_a_mail()
    {
        AddUser();
        var request = await SignIn().RequestLinkAsync("anna@acme.nl", "198.51.100.7", default);
        time.Advance(settings.SignInLinkLifetime);

        await SignIn().SendQueuedAsync(request.QueuedMail!, default);

        Assert.Empty(stores.Mails);
        Assert.Empty(stores.Links);
        Assert.Empty(stores.Outbox);
    }

    [Fact]
    public async Task A_queued_request_just_within_a_links_lifetime_is_mailed_with_a_working_link()
    {
        AddUser();
        var request = await SignIn().RequestLinkAsync(" Anna@ACME.nl", "198.51.100.7", default);
        time.Advance(settings.SignInLinkLifetime - TimeSpan.FromSeconds(1));

        await SignIn().SendQueuedAsync(request.QueuedMail!, default);

        var mail = Assert.Single(stores.Mails);
        Assert.Equal("anna@acme.nl", mail.Email);
        Assert.Equal(SignInLinkUse.Valid, (await SignIn().SignInAsync(TokenOf(mail.Link), default)).Use);
    }

    [Fact]
    public async Task A_queued_mail_another_sender_holds_is_not_sent_twice()
    {
        AddUser();
        var request = await SignIn().RequestLinkAsync("anna@acme.nl", "198.51.100.7", default);
        stores.Outbox[request.QueuedMail!] = stores.Outbox[request.QueuedMail!] with { ClaimedUntil = time.GetUtcNow().AddMinutes(1) };

        await SignIn().SendQueuedAsync(request.QueuedMail!, default);

        Assert.Empty(stores.Mails);
        Assert.Single(stores.Outbox);
    }

    [Fact]
    public async Task The_source_limit_counts_per_minute_window_so_a_new_minute_allows_requests_again()
    {
        for (var i = 0; i < settings.SignInRequestsPerSourcePerMinute; i++)
            Assert.Equal(LinkRequestOutcome.Accepted, (await SignIn().RequestLinkAsync($"x{i}@b.nl", "203.0.113.9", default)).Outcome);
        var refused = await SignIn().RequestLinkAsync("y@b.nl", "203.0.113.9", default);
        Assert.Equal(LinkRequestOutcome.TooMany, refused.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter); // the clock stands 30 s into the minute

        time.Advance(refused.RetryAfter!.Value);

        Assert.Equal(LinkRequestOutcome.Accepted, (await SignIn().RequestLinkAsync("y@b.nl", "203.0.113.9", default)).Outcome);
    }

    [Fact]
    public async Task An_invalid_address_is_refused_before_anything_is_recorded_or_queued()
    {
        Assert.Equal(LinkRequestOutcome.Invalid, (await SignIn().RequestLinkAsync("   ", "198.51.100.7", default)).Outcome);
        Assert.Equal(LinkRequestOutcome.Invalid, (await SignIn().RequestLinkAsync(null, "198.51.100.7", default)).Outcome);
        Assert.Empty(stores.Requests);
        Assert.Empty(stores.Outbox);
    }

    [Fact]
    public async Task The_hourly_limit_queues_exactly_that_many_mails_for_one_address()
    {
        var queued = new List<string?>();
        for (var i = 0; i < settings.SignInMailsPerHour + 1; i++)
            queued.Add((await SignIn().RequestLinkAsync("anna@acme.nl", $"198.51.100.{i}", default)).QueuedMail);

        Assert.All(queued.Take(settings.SignInMailsPerHour), Assert.NotNull);
        Assert.Null(queued[^1]);
        Assert.Equal(settings.SignInMailsPerHour, stores.Outbox.Count);
    }

    [Fact]
    public async Task A_session_without_an_id_is_none_and_one_with_an_unknown_id_has_ended()
    {
        Assert.Equal(SessionState.None, (await Sessions().ResolveAsync(null, default)).State);
        Assert.Equal(SessionState.None, (await Sessions().ResolveAsync("", default)).State);
        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync("geen-sessie", default)).State);
    }

    [Fact]
    public async Task Removing_a_user_ends_their_session_at_the_next_request()
    {
        var user = AddUser();
        var session = (await SignIn().SignInAsync(TokenOf((await SignIn().CreateLinkAsync(user.Email, default))!), default)).SessionId!;
        Assert.Equal(user, (await Sessions().ResolveAsync(session, default)).User);

        stores.Users.Clear();

        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync(session, default)).State);
        Assert.Empty(stores.Sessions);
    }

    [Fact]
    public async Task Last_seen_is_written_only_after_a_minute_not_on_every_request()
    {
        var user = AddUser();
        var session = (await SignIn().SignInAsync(TokenOf((await SignIn().CreateLinkAsync(user.Email, default))!), default)).SessionId!;
        var signedInAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromSeconds(59));
        await Sessions().ResolveAsync(session, default);
        Assert.Equal(signedInAt, Assert.Single(stores.Sessions).Value.LastSeenAt);

        time.Advance(TimeSpan.FromSeconds(2));
        await Sessions().ResolveAsync(session, default);
        Assert.Equal(time.GetUtcNow(), Assert.Single(stores.Sessions).Value.LastSeenAt);
    }

    [Fact]
    public async Task A_session_ends_exactly_past_the_idle_timeout_not_at_it()
    {
        var user = AddUser();
        var session = (await SignIn().SignInAsync(TokenOf((await SignIn().CreateLinkAsync(user.Email, default))!), default)).SessionId!;

        time.Advance(settings.SessionIdleTimeout);
        Assert.Equal(SessionState.Active, (await Sessions().ResolveAsync(session, default)).State);
        time.Advance(settings.SessionIdleTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync(session, default)).State);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_is_audited()
    {
        var user = AddUser();
        var session = (await SignIn().SignInAsync(TokenOf((await SignIn().CreateLinkAsync(user.Email, default))!), default)).SessionId!;

        await Sessions().SignOutAsync(session, user, default);

        Assert.Empty(stores.Sessions);
        Assert.Equal(SessionState.Ended, (await Sessions().ResolveAsync(session, default)).State);
        Assert.Equal(AuditActions.SignedOut, stores.Audit.Last().Action);
        Assert.Equal(user.Email, stores.Audit.Last().Actor);
        Assert.Equal("acme", stores.Audit.Last().Company);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zonderpunt")]
    [InlineData(".alleenhandtekening")]
    public void A_cookie_without_an_id_and_a_signature_is_no_session(string? cookie)
    {
        Assert.Null(PortalKey.From("test-key").Read(cookie));
    }

    [Fact]
    public void Cookie_signatures_and_form_tokens_are_different_macs_so_one_cannot_stand_in_for_the_other()
    {
        var key = PortalKey.From("test-key");
        var signature = key.Sign("sessie-1")["sessie-1.".Length..];

        Assert.NotEqual(signature, key.FormToken("sessie-1"));
        Assert.Null(key.Read("sessie-1." + key.FormToken("sessie-1")));
        Assert.False(key.FormTokenMatches("sessie-1", signature));
        Assert.False(key.FormTokenMatches("sessie-1", ""));
    }

    [Fact]
    public void Without_a_configured_key_each_start_signs_with_a_random_key_and_a_configured_key_is_stable()
    {
        Assert.Null(PortalKey.From("").Read(PortalKey.From("").Sign("sessie-1")));
        Assert.Null(PortalKey.From(null).Read(PortalKey.From(null).Sign("sessie-1")));
        Assert.Equal("sessie-1", PortalKey.From("k").Read(PortalKey.From("k").Sign("sessie-1")));
    }

    [Fact]
    public void Signatures_are_url_safe_base64_without_padding()
    {
        var key = PortalKey.From("test-key");
        for (var i = 0; i < 50; i++)
        {
            var token = key.FormToken($"id-{i}");
            Assert.Equal(43, token.Length); // 32 bytes of HMAC-SHA256, unpadded
            Assert.DoesNotContain('=', token);
            Assert.DoesNotContain('+', token);
            Assert.DoesNotContain('/', token);
        }
    }
}
