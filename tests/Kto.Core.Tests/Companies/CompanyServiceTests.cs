using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Companies;

public class CompanyServiceTests
{
    private readonly InMemoryCompanyStore store = new();
    private readonly InMemoryAccounts audit = new();
    private CompanyService Service() => new(store, audit, new FakeTimeProvider());

    [Theory]
    [InlineData("A", "Acme", RegistrationError.InvalidId)]
    [InlineData("acme", " ", RegistrationError.InvalidName)]
    public async Task Invalid_input_is_refused_with_its_reason_and_nothing_is_stored(string id, string name, RegistrationError expected)
    {
        var result = await Service().RegisterAsync("test", id, name, default);

        Assert.Equal(expected, result.Error);
        Assert.Null(result.Company);
        Assert.Empty(await store.ListAsync(default));
    }

    [Fact]
    public async Task A_taken_id_is_refused_as_existing_and_the_first_company_keeps_its_key()
    {
        var first = await Service().RegisterAsync("test", "acme", "Acme", default);
        var second = await Service().RegisterAsync("test", "acme", "Ander", default);

        Assert.Null(first.Error);
        Assert.NotNull(first.Key);
        Assert.Equal(RegistrationError.CompanyExists, second.Error);
        Assert.Equal("Acme", (await store.GetAsync("acme", default))!.Name);
    }
    [Fact]
    // Rule: a name of exactly MaxNameLength characters is accepted, one character more is refused.
    public async Task A_name_may_be_as_long_as_the_maximum_and_no_longer()
    {
        var longest = await Service().RegisterAsync("test", "acme", new string('a', CompanyService.MaxNameLength), default);
        var tooLong = await Service().RegisterAsync("test", "bolt", new string('a', CompanyService.MaxNameLength + 1), default);

        Assert.Null(longest.Error);
        Assert.Equal(RegistrationError.InvalidName, tooLong.Error);
    }

    [Fact]
    // Rule: a registration is audited once, by who registered, for the company, with its trimmed name.
    public async Task A_registration_is_audited_once_with_the_actor_and_the_company()
    {
        await Service().RegisterAsync("beheer@bureau.nl", "acme", "  Acme  ", default);
        await Service().RegisterAsync("beheer@bureau.nl", "acme", "Acme", default);

        var entry = Assert.Single(audit.Audit);
        Assert.Equal(("beheer@bureau.nl", AuditActions.CompanyRegistered, "acme", "Acme geregistreerd"), (entry.Actor, entry.Action, entry.Company, entry.Detail));
    }
}
