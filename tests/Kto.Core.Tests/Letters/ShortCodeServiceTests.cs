using Kto.Core.Letters;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Letters;

public sealed class ShortCodeServiceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryTokens tokens = new();
    private readonly ShortCodeService codes;
    private readonly ServiceRef client = new("acme", 2026, "s1");
    private readonly SurveyFormKey key = SurveyFormKey.From("a configured secret");

    public ShortCodeServiceTests()
    {
        codes = new ShortCodeService(tokens, tokens, new ShortCodeLimiter(new SurveySettings { UnknownCodesPerMinute = 3 }, time), key);
        tokens.TryAddAsync(key.CodeHash("K7PX4QM9"), client, default).Wait();
    }

    [Fact]
    public async Task Too_many_unknown_codes_from_one_address_refuse_even_a_right_code_until_the_minute_has_passed()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(ShortCodeOutcome.Unknown, (await codes.OpenAsync("AAAA-AAAA", "198.51.100.7", default)).Outcome);

        var refused = await codes.OpenAsync("K7PX-4QM9", "198.51.100.7", default);
        Assert.Equal(ShortCodeOutcome.TooManyGuesses, refused.Outcome);
        Assert.NotNull(refused.RetryAfter);
        Assert.Equal(ShortCodeOutcome.Found, (await codes.OpenAsync("K7PX-4QM9", "203.0.113.9", default)).Outcome); // another address

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(ShortCodeOutcome.Found, (await codes.OpenAsync("k7px4qm9", "198.51.100.7", default)).Outcome);
    }

    [Fact]
    public async Task A_malformed_code_is_answered_without_counting_or_storage()
    {
        for (var i = 0; i < 10; i++)
            Assert.Equal(ShortCodeOutcome.Malformed, (await codes.OpenAsync("K7PX-4QM", "198.51.100.7", default)).Outcome);
        Assert.Equal(ShortCodeOutcome.Found, (await codes.OpenAsync("K7PX-4QM9", "198.51.100.7", default)).Outcome);
    }

    [Fact]
    public async Task A_code_stored_under_another_key_or_as_a_plain_sha256_is_unknown()
    {
        await tokens.TryAddAsync(SurveyFormKey.From("another secret").CodeHash("A3C4E6F7"), client, default);
        await tokens.TryAddAsync(Kto.Core.Access.SecretKeys.Hash("H9J4K6M7"), client, default);

        Assert.Equal(ShortCodeOutcome.Unknown, (await codes.OpenAsync("A3C4-E6F7", "198.51.100.7", default)).Outcome);
        Assert.Equal(ShortCodeOutcome.Unknown, (await codes.OpenAsync("H9J4-K6M7", "198.51.100.7", default)).Outcome);
        Assert.Equal(ShortCodeOutcome.Found, (await codes.OpenAsync("K7PX-4QM9", "198.51.100.7", default)).Outcome);
    }
}
