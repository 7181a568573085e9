using Kto.Core.Access;
using Kto.Core.Companies;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Access;

public class AccessServiceTests
{
    private const string BureauKey = "bureau-secret";
    private readonly InMemoryCompanyStore companies = new();
    private AccessService Service() => new(companies, new KtoSettings { BureauKeyHash = SecretKeys.Hash(BureauKey) });

    private async Task<string> RegisterAsync(string companyId, string? key = null)
    {
        key ??= AccessService.NewCompanyKey(companyId);
        await companies.TryAddAsync(new Company(companyId, companyId, DateTimeOffset.UnixEpoch), SecretKeys.Hash(key), default);
        return key;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    // Rule: no key (or only whitespace) is an anonymous caller, never an error.
    public async Task A_missing_or_blank_key_is_anonymous(string? key)
    {
        Assert.Equal(Caller.Anonymous, await Service().IdentifyAsync(key, default));
    }

    [Fact]
    // Rule: the key whose hash is the configured bureau hash is the bureau.
    public async Task The_bureau_key_identifies_the_bureau()
    {
        Assert.Equal(Caller.Bureau, await Service().IdentifyAsync(BureauKey, default));
    }

    [Fact]
    // Rule: a new company key ("kto.{company}.{secret}") identifies exactly that company once its hash is stored.
    public async Task A_new_company_key_identifies_its_company()
    {
        var key = await RegisterAsync("acme");

        Assert.StartsWith("kto.acme.", key);
        Assert.Equal(new Caller(CallerKind.Company, "acme"), await Service().IdentifyAsync(key, default));
    }

    [Fact]
    // Rule: each new company key carries a fresh secret, so two keys for one company differ.
    public void New_company_keys_have_a_random_secret()
    {
        Assert.NotEqual(AccessService.NewCompanyKey("acme"), AccessService.NewCompanyKey("acme"));
    }

    [Fact]
    // Rule: a well-formed key with the wrong secret is anonymous, not the company it names.
    public async Task A_company_key_with_a_wrong_secret_is_anonymous()
    {
        await RegisterAsync("acme");

        Assert.Equal(Caller.Anonymous, await Service().IdentifyAsync("kto.acme.not-the-secret", default));
    }

    [Theory]
    [InlineData("xx.acme.secret")]   // wrong prefix
    [InlineData("acme.secret")]      // no prefix
    [InlineData("kto.acme")]         // no dot after the company
    [InlineData("kto..secret")]      // empty company
    // Rule: only keys of the form "kto.{company}.{secret}" are company keys, even if their hash is stored.
    public async Task A_key_not_in_company_format_is_anonymous_even_if_its_hash_is_stored(string key)
    {
        await RegisterAsync("acme", key);
        await RegisterAsync("", key);

        Assert.Equal(Caller.Anonymous, await Service().IdentifyAsync(key, default));
    }

    [Fact]
    // Rule: a company part that is no valid company id (here upper case) is never looked up.
    public async Task A_key_with_an_invalid_company_id_is_anonymous_even_if_its_hash_is_stored()
    {
        var key = await RegisterAsync("Acme", "kto.Acme.secret");

        Assert.Equal(Caller.Anonymous, await Service().IdentifyAsync(key, default));
    }

    [Fact]
    // Rule: one company's key never identifies another company whose id is its prefix.
    public async Task A_company_key_names_the_company_before_the_first_dot()
    {
        await RegisterAsync("acme");
        var key = await RegisterAsync("acme-bv");

        Assert.Equal(new Caller(CallerKind.Company, "acme-bv"), await Service().IdentifyAsync(key, default));
    }
}
