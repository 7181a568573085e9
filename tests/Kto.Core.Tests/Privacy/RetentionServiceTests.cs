using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Privacy;
using Kto.Core.Settings;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Privacy;

public class RetentionServiceTests
{
    // With these settings the contacts of 2025 expire after 10 February 2026; those of 2026 are still in use.
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetentionPolicy Policy = new(
        new ContactPolicy(new FieldworkSettings { ClosesMonth = 1, ClosesDay = 31 }),
        new BureauSettings { ContactRetentionDays = 10 },
        new DeliverySettings { RawFileRetentionDays = 30 });

    private readonly InMemoryCompanyStore companies = new();
    private readonly InMemoryRetentionStore store = new();
    private readonly InMemoryAccounts audit = new();

    private async Task SeedAsync()
    {
        foreach (var id in new[] { "acme", "bolt" })
            await companies.TryAddAsync(new Company(id, id, DateTimeOffset.UnixEpoch), "", default);
        store.Contacts[("acme", 2019)] = 3; // a year no run reached still expires
        store.Contacts[("acme", 2025)] = 5;
        store.Contacts[("acme", 2026)] = 7;
        store.Contacts[("bolt", 2025)] = 11;
        store.TokenYears.AddRange([2025, 2025, 2026]);
        store.RawFilesUploadedAt.AddRange([Now.AddDays(-31), Now.AddDays(-29)]);
    }

    [Fact]
    // Rule: contacts of every expired year of every company are deleted, those of a year still in use are kept, and the counts add up.
    public async Task Expired_contacts_of_every_company_and_year_are_deleted_and_counted()
    {
        await SeedAsync();

        var result = await new RetentionService(companies, store, Policy).RunAsync(Now, default);

        Assert.Equal(3 + 5 + 11, result.ContactsDeleted);
        Assert.Equal([("acme", 2026)], store.Contacts.Keys);
    }

    [Fact]
    // Rule: personal links of expired years and raw files past their retention are deleted and counted; the rest stays.
    public async Task Expired_links_and_old_raw_files_are_deleted_and_counted()
    {
        await SeedAsync();

        var result = await new RetentionService(companies, store, Policy).RunAsync(Now, default);

        Assert.Equal(2, result.TokensDeleted);
        Assert.Equal([2026], store.TokenYears);
        Assert.Equal(1, result.RawFilesDeleted);
        Assert.Equal([Now.AddDays(-29)], store.RawFilesUploadedAt);
        Assert.Equal(Now, result.At);
    }

    [Fact]
    // Rule: a clean-up started by hand is audited once, with who started it and only the counts (no personal data).
    public async Task A_run_by_hand_is_audited_once_with_the_counts()
    {
        await SeedAsync();

        await new RetentionService(companies, store, Policy, audit).RunAsync(Now, default, actor: "beheer@bureau.nl");

        var entry = Assert.Single(audit.Audit);
        Assert.Equal("beheer@bureau.nl", entry.Actor);
        Assert.Equal(AuditActions.JobStarted, entry.Action);
        Assert.Null(entry.Company);
        Assert.Equal("purge-expired: 19 contactgegevens, 2 links en 1 bestanden verwijderd", entry.Detail);
    }

    [Fact]
    // Rule: the nightly timer (no actor) writes no audit entry.
    public async Task The_nightly_run_is_not_audited()
    {
        await SeedAsync();

        await new RetentionService(companies, store, Policy, audit).RunAsync(Now, default);

        Assert.Empty(audit.Audit);
    }

    [Fact]
    // Rule: without an audit log a run by hand still cleans up (and does not fail).
    public async Task A_run_by_hand_without_an_audit_log_still_cleans_up()
    {
        await SeedAsync();

        var result = await new RetentionService(companies, store, Policy).RunAsync(Now, default, actor: "beheer@bureau.nl");

        Assert.Equal(19, result.ContactsDeleted);
    }
}
