namespace Kto.Core.Settings;

/// <summary>
/// Sending mail over SMTP (configuration section <c>Kto:Mail</c>). In Azure: Azure Communication Services
/// (host smtp.azurecomm.net, port 587, STARTTLS, user name and password of an Entra app); locally the mail
/// server ./kto up starts.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    // Stryker disable once String : the local default, set by every deployment; a test pinning it would say nothing
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions names).</summary>
    public string Security { get; set; } = "Auto";

    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>The bureau's sending address (must be a verified sender of the mail domain in Azure).</summary>
    // Stryker disable once String : a placeholder every deployment sets; a test pinning its text would say nothing
    public string FromAddress { get; set; } = "kto@bureau.example";

    /// <summary>New Azure e-mail domains start at about 30 a minute and 100 an hour.</summary>
    public int MaxPerMinute { get; set; } = 30;
    public int MaxPerHour { get; set; } = 100;

    /// <summary>A run stops cleanly after this long; the next run continues where it stopped.</summary>
    public TimeSpan RunTimeLimit { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>How long a run may wait for a free throttle slot before it stops and leaves the rest to the next run.</summary>
    public TimeSpan MaxThrottleWait { get; set; } = TimeSpan.FromSeconds(65);

    /// <summary>After a temporary refusal (4xx) the same mail is tried again after this long.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often the mail of one step may fail for a client (4xx answers, an address the mail library refuses, a
    /// template or storage error for that client): the earlier failures are deferred and retried after RetryAfter,
    /// this one is recorded as failed and the client moves to the offline list (a letter or a call) like a bounce.
    /// With RetryAfter 30 min: at least 4.5 hours of retrying.
    /// </summary>
    public int MaxDeferrals { get; set; } = 10;

    /// <summary>
    /// Services the mail job handles together: one throttle reservation, one claim transaction, one contacts read and
    /// one record transaction per batch instead of per mail. At most 100 (a table transaction's limit). It is also how
    /// many clients a hard crash mid-batch can leave without one mail (recorded unknown), so the default stays small.
    /// </summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a claim on a service holds; a run that crashed releases it after this.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(15);
}
