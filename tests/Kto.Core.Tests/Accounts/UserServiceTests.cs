using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Accounts;

/// <summary>Issue 13: a user's display name, given when they are added, is who they are on a signed report.</summary>
public sealed class UserServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryAccounts stores = new();
    private readonly InMemoryCompanyStore companies = new();
    private readonly UserService users;

    public UserServiceTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme", Now), "h", default).Wait();
        users = new UserService(stores, companies, stores, new FakeTimeProvider(Now));
    }

    [Fact]
    public async Task A_name_is_kept_trimmed_and_signs_for_the_user_and_without_one_the_address_signs()
    {
        var named = await users.AddAsync("test", "Jan@Bureau.nl", UserRole.Bureau, null, "  Dr. J. de Wit ", default);
        Assert.True(named.Done);
        Assert.Equal(("jan@bureau.nl", "Dr. J. de Wit", "Dr. J. de Wit"), (named.User!.Email, named.User.Name, named.User.Signer));
        Assert.Contains(stores.Audit, e => e.Detail == "jan@bureau.nl (Dr. J. de Wit) toegevoegd als bureaugebruiker");

        var unnamed = await users.AddAsync("test", "piet@bureau.nl", UserRole.Bureau, null, "   ", default);
        Assert.Equal((null, "piet@bureau.nl"), (unnamed.User!.Name, unnamed.User.Signer));
    }

    [Theory]
    [InlineData("Dr. J.\nde Wit")]
    [InlineData(null)]
    public async Task A_name_with_a_line_break_or_over_200_characters_is_refused_and_nothing_is_added(string? name)
    {
        var change = await users.AddAsync("test", "jan@bureau.nl", UserRole.Bureau, null, name ?? new string('x', 201), default);
        Assert.False(change.Done);
        Assert.Equal("invalid-name", change.Error);
        Assert.Empty(stores.Users);
        Assert.Empty(stores.Audit);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_user_is_sent_a_welcome_mail_once_and_a_mail_that_fails_keeps_the_account(bool accepted)
    {
        var mailer = new RecordingWelcomeMailer(accepted);
        var service = new UserService(stores, new InMemoryCompanyStore(), stores, new FakeTimeProvider(DateTimeOffset.UnixEpoch), mailer);

        var added = await service.AddAsync("test", "nieuw@bureau.nl", UserRole.Bureau, null, null, default);
        var again = await service.AddAsync("test", "nieuw@bureau.nl", UserRole.Bureau, null, null, default);
        var other = await service.AddAsync("test", "nieuw@bureau.nl", UserRole.Bureau, null, "Iemand Anders", default);

        Assert.True(added.Done);
        Assert.Equal(accepted, added.Welcomed);
        Assert.True(again.Done); // an identical repeat (a double click) answers as the first did ...
        Assert.False(again.Welcomed);
        Assert.False(other.Done); // ... another account under the address is refused
        Assert.Equal("user-exists", other.Error);
        Assert.Equal(["nieuw@bureau.nl"], mailer.Sent); // one mail: not for the repeat, not for the refused add
        Assert.Single(stores.Users);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("geen-adres")]
    [InlineData("jan@")]
    public async Task An_address_that_is_no_email_address_is_refused_and_nothing_is_added(string? email)
    {
        // The address is the identity and where sign-in links go: without a usable one there is no account.
        var change = await users.AddAsync("beheer@bureau.nl", email, UserRole.Bureau, null, null, default);

        Assert.Equal((false, "invalid-email"), (change.Done, change.Error));
        Assert.Empty(stores.Users);
        Assert.Empty(stores.Audit);
    }

    [Fact]
    public async Task A_company_user_is_added_for_a_registered_company_and_the_audit_says_who_added_whom()
    {
        // Every account change is audited with who made it, when, and for which company.
        var change = await users.AddAsync("beheer@bureau.nl", " Anna@Acme.nl ", UserRole.Company, "acme", null, default);

        Assert.True(change.Done);
        Assert.Equal(new PortalUser("anna@acme.nl", UserRole.Company, "acme", Now, "beheer@bureau.nl"), stores.Users["anna@acme.nl"]);
        Assert.Equal(new AuditEntry(Now, "beheer@bureau.nl", AuditActions.UserAdded, "acme", "anna@acme.nl toegevoegd als gebruiker van acme"),
            Assert.Single(stores.Audit));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("onbekend")]
    public async Task A_company_user_without_a_registered_company_is_refused(string? companyId)
    {
        // A company user sees that company's data only: the company must exist, or the account would see nothing or the wrong thing.
        var change = await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, companyId, null, default);

        Assert.Equal((false, "unknown-company"), (change.Done, change.Error));
        Assert.Empty(stores.Users);
    }

    [Fact]
    public async Task A_bureau_user_belongs_to_no_company_whatever_company_is_sent_along()
    {
        // A bureau account is the bureau (every company); a stray company id must not narrow or mark it.
        var change = await users.AddAsync("beheer@bureau.nl", "piet@bureau.nl", UserRole.Bureau, "acme", null, default);

        Assert.Null(change.User!.CompanyId);
        Assert.Null(Assert.Single(stores.Audit).Company);
    }

    [Theory]
    [InlineData("ander@bureau.nl", "acme", null)]
    [InlineData("beheer@bureau.nl", "beta", null)]
    [InlineData("beheer@bureau.nl", "acme", "Anna")]
    public async Task Only_an_identical_repeat_answers_as_the_first_add_did_any_other_is_a_conflict(string actor, string companyId, string? name)
    {
        // A double click adds once; another actor, company or name under the same address is another request, and refused.
        await companies.TryAddAsync(new Company("beta", "Beta", Now), "h", default);
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);

        var repeat = await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);
        var other = await users.AddAsync(actor, "anna@acme.nl", UserRole.Company, companyId, name, default);

        Assert.True(repeat.Done);
        Assert.Equal((false, "user-exists"), (other.Done, other.Error));
        Assert.Single(stores.Audit);
    }

    [Fact]
    public async Task Another_role_under_the_same_address_is_a_conflict()
    {
        // A company user can never become a bureau user by adding the address again.
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);

        var other = await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Bureau, null, null, default);

        Assert.Equal("user-exists", other.Error);
        Assert.Equal(UserRole.Company, stores.Users["anna@acme.nl"].Role);
    }

    [Fact]
    public async Task A_company_user_is_removed_once_and_audited_once()
    {
        // Removal is audited with who removed whom; a repeat (or an unknown address) answers done and writes nothing.
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);

        var removed = await users.RemoveAsync("ander@bureau.nl", "Anna@Acme.nl", default);
        var again = await users.RemoveAsync("ander@bureau.nl", "anna@acme.nl", default);

        Assert.Equal((true, "anna@acme.nl"), (removed.Done, removed.User?.Email));
        Assert.Equal((true, null), (again.Done, again.User));
        Assert.Empty(stores.Users);
        var line = stores.Audit.Last();
        Assert.Equal(new AuditEntry(Now, "ander@bureau.nl", AuditActions.UserRemoved, "acme", "anna@acme.nl verwijderd"), line);
        Assert.Equal(2, stores.Audit.Count);
    }

    [Fact]
    public async Task A_bureau_user_is_never_removed_here()
    {
        // The bureau must never lock itself out through the portal.
        await users.AddAsync("beheer@bureau.nl", "piet@bureau.nl", UserRole.Bureau, null, null, default);

        var change = await users.RemoveAsync("beheer@bureau.nl", "piet@bureau.nl", default);

        Assert.Equal((false, "bureau-user"), (change.Done, change.Error));
        Assert.True(stores.Users.ContainsKey("piet@bureau.nl"));
        Assert.Single(stores.Audit);
    }

    [Fact]
    public async Task Of_two_removals_at_once_only_the_one_that_deleted_audits()
    {
        // The delete decides: the loser of the race answers done, but does not write a second audit line.
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);
        var racing = new UserService(new ConcurrentlyRemovedUserStore(stores), companies, stores, new FakeTimeProvider(Now));

        var change = await racing.RemoveAsync("ander@bureau.nl", "anna@acme.nl", default);

        Assert.Equal((true, "anna@acme.nl"), (change.Done, change.User?.Email));
        Assert.DoesNotContain(stores.Audit, e => e.Action == AuditActions.UserRemoved);
    }

    [Fact]
    public async Task Switching_the_digest_back_on_is_stored_and_audited_by_the_user_themselves()
    {
        // The digest is the user's own choice: each change is one audit line in their name, a repeat writes none.
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);
        await users.SetDigestAsync("anna@acme.nl", receive: false, default);

        var on = await users.SetDigestAsync("anna@acme.nl", receive: true, default);
        var again = await users.SetDigestAsync("anna@acme.nl", receive: true, default);

        Assert.Equal((true, false), (on.Done, on.User!.DigestOptOut));
        Assert.Equal((true, false), (again.Done, again.User!.DigestOptOut));
        Assert.False(stores.Users["anna@acme.nl"].DigestOptOut);
        Assert.Equal(
            [(AuditActions.DigestOptOut, "Weekoverzicht per mail uitgezet"), (AuditActions.DigestOptIn, "Weekoverzicht per mail weer aangezet")],
            stores.Audit.Where(e => e.Actor == "anna@acme.nl").Select(e => (e.Action, e.Detail)));
    }

    [Fact]
    public async Task The_digest_of_an_account_that_is_gone_cannot_be_set()
    {
        // A form sent after the account was removed changes nothing and says so.
        var unknown = await users.SetDigestAsync("weg@acme.nl", receive: false, default);
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);
        var removedMeanwhile = await new UserService(new ConcurrentlyRemovedUserStore(stores), companies, stores, new FakeTimeProvider(Now))
            .SetDigestAsync("anna@acme.nl", receive: false, default);

        Assert.Equal((false, "unknown-user"), (unknown.Done, unknown.Error));
        Assert.Equal((false, "unknown-user"), (removedMeanwhile.Done, removedMeanwhile.Error));
        Assert.DoesNotContain(stores.Audit, e => e.Action == AuditActions.DigestOptOut);
    }

    [Fact]
    public async Task A_company_id_that_is_no_id_is_refused_without_asking_storage()
    {
        // Table keys cannot hold '/' or '#': such an id must be refused by its form, never sent to storage to fail there.
        var change = await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme/beta", null, default);

        Assert.Equal((false, "unknown-company"), (change.Done, change.Error));
        Assert.Empty(stores.Users);
    }

    [Fact]
    public async Task An_add_that_lost_to_an_account_removed_before_it_looked_adds_the_user_on_its_second_try()
    {
        // The address was taken when it inserted and free again when it looked: no account stands in the way.
        await users.AddAsync("ander@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", "Anna Oud", default);

        var change = await new UserService(new RemovedBeforeItLooks(stores), companies, stores, new FakeTimeProvider(Now))
            .AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);

        Assert.True(change.Done);
        var user = stores.Users["anna@acme.nl"];
        Assert.Equal(("beheer@bureau.nl", (string?)null), (user.CreatedBy, user.Name));
        Assert.Equal(["ander@bureau.nl", "beheer@bureau.nl"], stores.Audit.Where(e => e.Action == AuditActions.UserAdded).Select(e => e.Actor));
    }

    [Fact]
    public async Task An_add_that_keeps_losing_to_accounts_that_are_gone_when_it_looks_stops_after_two_tries_and_is_not_audited()
    {
        // Never a loop: a store that refuses every insert yet holds no account gets two tries, then the refusal.
        var store = new AddLostToARemovedAccount();
        var change = await new UserService(store, companies, stores, new FakeTimeProvider(Now))
            .AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);

        Assert.Equal((false, "user-exists"), (change.Done, change.Error));
        Assert.Equal(2, store.Inserts);
        Assert.Empty(stores.Audit);
    }

    [Fact]
    public async Task Every_refusal_says_in_words_what_to_do()
    {
        await users.AddAsync("beheer@bureau.nl", "piet@bureau.nl", UserRole.Bureau, null, null, default);
        await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Company, "acme", null, default);
        var refusals = new[]
        {
            await users.AddAsync("beheer@bureau.nl", "geen-adres", UserRole.Company, "acme", null, default),
            await users.AddAsync("beheer@bureau.nl", "jan@acme.nl", UserRole.Company, "acme", new string('a', PortalUser.MaxNameLength + 1), default),
            await users.AddAsync("beheer@bureau.nl", "jan@acme.nl", UserRole.Company, "onbekend", null, default),
            await users.AddAsync("beheer@bureau.nl", "anna@acme.nl", UserRole.Bureau, null, null, default),
            await users.RemoveAsync("beheer@bureau.nl", "piet@bureau.nl", default),
            await users.SetDigestAsync("weg@acme.nl", receive: false, default),
            await new UserService(new ConcurrentlyRemovedUserStore(stores), companies, stores, new FakeTimeProvider(Now)).SetDigestAsync("anna@acme.nl", receive: false, default),
        };

        Assert.Equal(
            ["Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
             $"Vul als naam hoogstens {PortalUser.MaxNameLength} tekens in, {NameText.Rule}.",
             "Kies een geregistreerd bedrijf voor deze gebruiker.",
             "Voor dit e-mailadres bestaat al een account.",
             "Alleen gebruikers van een bedrijf kunnen hier worden verwijderd.",
             "Dit account bestaat niet meer.",
             "Dit account bestaat niet meer."],
            refusals.Select(r => r.Message?.ToString()));
    }

    /// <summary>Another add took the address, and that account was removed before this add looked at it.</summary>
    private sealed class AddLostToARemovedAccount : IUserStore
    {
        public int Inserts { get; private set; }
        public Task<bool> TryAddAsync(PortalUser user, CancellationToken cancellationToken)
        {
            Inserts++;
            return Task.FromResult(false);
        }
        public Task<PortalUser?> GetAsync(string email, CancellationToken cancellationToken) => Task.FromResult<PortalUser?>(null);
        public Task<bool> RemoveAsync(string email, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task<IReadOnlyList<PortalUser>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PortalUser>>([]);
        public Task<bool> SetDigestOptOutAsync(string email, bool optOut, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    /// <summary>Someone removes the account under the address just before this add looks at it.</summary>
    private sealed class RemovedBeforeItLooks(IUserStore inner) : IUserStore
    {
        public Task<bool> TryAddAsync(PortalUser user, CancellationToken cancellationToken) => inner.TryAddAsync(user, cancellationToken);
        public async Task<PortalUser?> GetAsync(string email, CancellationToken cancellationToken)
        {
            await inner.RemoveAsync(email, cancellationToken);
            return await inner.GetAsync(email, cancellationToken);
        }
        public Task<bool> RemoveAsync(string email, CancellationToken cancellationToken) => inner.RemoveAsync(email, cancellationToken);
        public Task<IReadOnlyList<PortalUser>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
        public Task<bool> SetDigestOptOutAsync(string email, bool optOut, CancellationToken cancellationToken) => inner.SetDigestOptOutAsync(email, optOut, cancellationToken);
    }

    private sealed class RecordingWelcomeMailer(bool accepted) : IWelcomeMailer
    {
        public List<string> Sent { get; } = [];

        public Task<bool> SendWelcomeAsync(PortalUser user, CancellationToken cancellationToken)
        {
            Sent.Add(user.Email);
            return Task.FromResult(accepted);
        }
    }
}
