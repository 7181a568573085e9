using Kto.Core.Access;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests;

/// <summary>
/// Issue 11, item 16: settings are validated at start-up. A bad or missing value stops the host with a message
/// naming the setting; Production needs a random form key of at least 32 bytes and a bureau key hash.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class SettingsStartupTests(LocalStack stack)
{
    private static readonly string GoodFormKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("Kto:Delivery:MaxFileBytes", "0", "Kto__Delivery__MaxFileBytes")]
    [InlineData("Kto:Delivery:MaxFileBytes", "vijftig", "Kto:Delivery:MaxFileBytes")]
    [InlineData("Kto:PublicBaseUrl", "kto.bureau.nl", "Kto__PublicBaseUrl")]
    [InlineData("Kto:BureauKeyHash", "abc", "Kto__BureauKeyHash")]
    [InlineData("Kto:Mail:Security", "Sometimes", "Kto__Mail__Security")]
    [InlineData("Kto:Fieldwork:ReminderDays", "7,veertien", "Kto__Fieldwork__ReminderDays")]
    [InlineData("Kto:Survey:UnknownTokensPerMinute", "0", "Kto__Survey__UnknownTokensPerMinute")]
    [InlineData("Kto:Survey:UnknownCodesPerMinute", "0", "Kto__Survey__UnknownCodesPerMinute")]
    [InlineData("Kto:Report:ConcurrentReads", "0", "Kto__Report__ConcurrentReads")]
    public async Task A_bad_value_stops_start_up_naming_the_setting(string key, string value, string named)
    {
        var message = await StartUpFailureAsync(new() { [key] = value });
        Assert.Contains(named, message);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_form_key_or_bureau_key_hash()
    {
        var noFormKey = await StartUpFailureAsync(new() { ["Kto:Environment"] = "Production", ["Kto:Survey:FormKey"] = "" });
        var shortFormKey = await StartUpFailureAsync(new() { ["Kto:Environment"] = "Production", ["Kto:Survey:FormKey"] = "kort-en-voorspelbaar" });
        var noHash = await StartUpFailureAsync(new()
        {
            ["Kto:Environment"] = "Production", ["Kto:Survey:FormKey"] = GoodFormKey, ["Kto:BureauKeyHash"] = "",
        });

        Assert.Contains("Kto__Survey__FormKey", noFormKey);
        Assert.Contains("Kto__Survey__FormKey", shortFormKey);
        Assert.DoesNotContain("kort-en-voorspelbaar", shortFormKey); // a secret is never repeated
        Assert.Contains("Kto__BureauKeyHash", noHash);
    }

    [Fact]
    public async Task Production_starts_with_a_good_form_key_and_bureau_key_hash()
    {
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>
        {
            ["Kto:Environment"] = "Production", ["Kto:Survey:FormKey"] = GoodFormKey, ["Kto:BureauKeyHash"] = SecretKeys.Hash(stack.BureauKey),
        });
        var health = await host.Client().GetAsync("/api/health");
        Assert.True(health.IsSuccessStatusCode);
    }

    /// <summary>What stops the host: validation runs when the host is built (Kestrel reads the limits) or started.</summary>
    private async Task<string> StartUpFailureAsync(Dictionary<string, string?> overrides)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = ExtraHost.Build(stack, overrides).App;
        }
        catch (Exception e)
        {
            return e.ToString();
        }
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
            return error.ToString();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
