using Kto.Core.Access;

namespace Kto.Core.Tests.Access;

public class SecretKeysTests
{
    [Fact]
    // Rule: a secret matches its own hash, also when the stored hash is written in upper case.
    public void A_secret_matches_its_hash_in_any_case()
    {
        var secret = SecretKeys.Create();

        Assert.True(SecretKeys.Matches(secret, SecretKeys.Hash(secret)));
        Assert.True(SecretKeys.Matches(secret, SecretKeys.Hash(secret).ToUpperInvariant()));
        Assert.False(SecretKeys.Matches(secret + "x", SecretKeys.Hash(secret)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    // Rule: an empty secret never matches, not even the hash of the empty string (an unset key must not open anything).
    public void An_empty_secret_never_matches(string? secret)
    {
        Assert.False(SecretKeys.Matches(secret, SecretKeys.Hash("")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    // Rule: no stored hash (e.g. an unconfigured bureau key) matches no secret.
    public void A_missing_stored_hash_matches_nothing(string? storedHash)
    {
        Assert.False(SecretKeys.Matches("secret", storedHash));
    }

    [Fact]
    // Rule: a created secret is URL-safe base64 without padding, and random.
    public void Created_secrets_are_url_safe_and_differ()
    {
        var secret = SecretKeys.Create(33);

        Assert.Matches("^[A-Za-z0-9_-]{44}$", secret);
        Assert.NotEqual(secret, SecretKeys.Create(33));
    }
}
