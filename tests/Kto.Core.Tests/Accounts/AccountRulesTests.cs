using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Accounts;

/// <summary>
/// The account rules the other account tests leave open: what the cookie and form MACs keep apart, the name's length
/// at its bound, who an account is to the access rules, what the sign-in queue and audit lines hold, and what each
/// refusal says.
/// </summary>
public sealed class AccountRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 30, TimeSpan.Zero);
    private readonly InMemoryAccounts stores = new();
    private readonly FakeTimeProvider time = new(Now);
    private readonly PortalSettings settings = new();

    private SignInService SignIn() =>
        new(stores, stores, stores, stores, stores, settings, new KtoSettings { PublicBaseUrl = "https://kto.example.nl" }, time);

    [Fact]
    public void A_form_token_never_signs_a_cookie_and_a_cookie_signature_is_never_a_form_token_whatever_the_id()
    {
        // Each MAC has its own prefix: without them the form token of id x would be the cookie signature of the id
        // "form|x" (and the other way round), and a page's form token could be turned into a signed cookie.
        var key = PortalKey.From("test-key");
        var cookieSignature = key.Sign("sessie-1")["sessie-1.".Length..];

        Assert.Null(key.Read("form|sessie-1." + key.FormToken("sessie-1")));
        Assert.False(key.FormTokenMatches("cookie|sessie-1", cookieSignature));
    }

    [Fact]
    public void A_signed_empty_id_is_no_session()
    {
        var key = PortalKey.From("test-key");

        Assert.Null(key.Read(key.Sign("")));
    }

    [Fact]
    public void A_name_of_exactly_200_characters_is_kept_and_one_of_201_is_refused()
    {
        Assert.True(PortalUser.TryCleanName(new string('a', PortalUser.MaxNameLength), out var longest));
        Assert.Equal(PortalUser.MaxNameLength, longest!.Length);
        Assert.False(PortalUser.TryCleanName(new string('a', PortalUser.MaxNameLength + 1), out _));
    }

    [Fact]
    public void A_bureau_user_is_the_bureau_and_a_company_user_only_their_company()
    {
        var bureau = new PortalUser("piet@bureau.nl", UserRole.Bureau, null, Now, "test").AsCaller();
        var company = new PortalUser("anna@acme.nl", UserRole.Company, "acme", Now, "test").AsCaller();

        Assert.Equal(Caller.Bureau, bureau);
        Assert.Equal((CallerKind.Company, "acme"), (company.Kind, company.CompanyId));
    }

    [Fact]
    public void An_api_key_is_named_in_the_audit_by_whose_key_it_is()
    {
        Assert.Equal("API-sleutel acme", AuditActions.ApiKey(new Caller(CallerKind.Company, "acme")));
        Assert.Equal(AuditActions.BureauKey, AuditActions.ApiKey(Caller.Bureau));
    }

    [Theory]
    [InlineData(ReportKind.Uwv, "Rapport 2026 versie 3 ondertekend door Dr. J. de Wit (SHA-256 abc123)")]
    [InlineData(ReportKind.Keurmerk, "Keurmerk-rapport 2026 versie 3 ondertekend door Dr. J. de Wit (SHA-256 abc123)")]
    public void A_signature_is_audited_with_the_report_its_version_the_signer_and_the_pdfs_hash(ReportKind kind, string detail)
    {
        var version = new ReportVersionInfo(3, "Dr. J. de Wit", Now, "abc123", "passed");

        var entry = AuditEntry.ReportSigned(Now, "wit@bureau.nl", "acme", 2026, version, kind);

        Assert.Equal((Now, "wit@bureau.nl", AuditActions.ReportSigned, "acme", detail), (entry.At, entry.Actor, entry.Action, entry.Company, entry.Detail));
    }

    [Fact]
    public void A_hidden_answer_is_audited_with_which_answer_who_hid_it_and_why()
    {
        var hidden = new HiddenAnswer("a-17", "wit@bureau.nl", "Noemt een naam", Now);

        var entry = AuditEntry.AnswerHidden("wit@bureau.nl", "acme", 2026, hidden);

        Assert.Equal((Now, AuditActions.AnswerHidden, "acme"), (entry.At, entry.Action, entry.Company));
        Assert.Equal("Open antwoord a-17 verborgen in rapport 2026 door wit@bureau.nl; reden: Noemt een naam", entry.Detail);
    }

    [Fact]
    public async Task The_source_limit_counts_the_source_under_a_hash_of_its_own_never_the_address_or_its_plain_hash()
    {
        await SignIn().RequestLinkAsync("anna@acme.nl", "203.0.113.7", default);

        var counted = Assert.Single(stores.SourceCounts).Key;
        Assert.DoesNotContain("203.0.113.7", counted);
        Assert.DoesNotContain(SecretKeys.Hash("203.0.113.7"), counted);
        Assert.StartsWith(SecretKeys.Hash("sign-in-source|203.0.113.7"), counted);
    }

    [Fact]
    public async Task A_queued_mail_is_claimed_for_the_claim_time_from_now()
    {
        stores.Users["anna@acme.nl"] = new PortalUser("anna@acme.nl", UserRole.Company, "acme", Now, "test");
        var request = await SignIn().RequestLinkAsync("anna@acme.nl", "203.0.113.7", default);

        await SignIn().SendQueuedAsync(request.QueuedMail!, default);

        Assert.Equal([(Now, Now + SignInService.ClaimTime)], stores.Claims);
    }

    [Fact]
    public async Task The_safety_net_drops_the_source_counters_older_than_an_hour()
    {
        await SignIn().SendLeftoversAsync(default);

        Assert.Equal([Now.AddHours(-1)], stores.Purges);
    }

    [Fact]
    public async Task Signing_in_and_out_are_audited_in_words()
    {
        stores.Users["anna@acme.nl"] = new PortalUser("anna@acme.nl", UserRole.Company, "acme", Now, "test");
        var link = await SignIn().CreateLinkAsync("anna@acme.nl", default);
        var signedIn = await SignIn().SignInAsync(link!.Split("t=")[1], default);
        await new SessionService(stores, stores, stores, settings, time).SignOutAsync(signedIn.SessionId!, signedIn.User!, default);

        Assert.Equal(["Ingelogd met een e-maillink", "Uitgelogd"], stores.Audit.Select(a => a.Detail));
    }
}
