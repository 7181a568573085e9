using Kto.Core.Settings;

namespace Kto.Core.Tests.Settings;

/// <summary>
/// No secret and no claim about the bureau comes with the code: every key, password and hash is empty until a
/// deployment sets it (SettingsRules refuses to start in production without them), and so is what the report and
/// letters would print about the bureau beyond its placeholder name.
/// </summary>
public sealed class SettingsDefaultsTests
{
    [Fact]
    public void Every_secret_is_empty_until_a_deployment_sets_it()
    {
        Assert.All(new[]
        {
            new KtoSettings().BureauKeyHash, new PortalSettings().SessionKey, new SurveySettings().FormKey,
            new MailSettings().UserName, new MailSettings().Password,
            new SigningSettings().CertificatePath, new SigningSettings().CertificatePassword,
            new SigningSettings().KeyVaultUri, new SigningSettings().CertificateName, new SigningSettings().TimestampUrl,
        }, value => Assert.Equal("", value));
    }

    [Fact]
    public void The_bureau_s_membership_and_phone_are_blank_until_set_and_mail_negotiates_its_security()
    {
        Assert.Equal(("", ""), (new BureauSettings().Membership, new BureauSettings().Phone));
        Assert.Equal("Auto", new MailSettings().Security);
    }
}
