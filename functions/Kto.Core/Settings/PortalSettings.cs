namespace Kto.Core.Settings;

/// <summary>The portal for people (configuration section <c>Kto:Portal</c>).</summary>
public sealed class PortalSettings
{
    public const string Section = "Portal";

    /// <summary>
    /// Secret (any long random text; Key Vault in Azure) that signs the session cookie and the forms' anti-forgery
    /// tokens. The same on every instance; when empty each start-up makes a random one (sessions end on restart).
    /// </summary>
    public string SessionKey { get; set; } = "";

    /// <summary>A session ends after this long without a request.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a mailed sign-in link can be used (once).</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in mails one address may receive per hour (the sign-in mail bypasses the survey throttle).</summary>
    public int SignInMailsPerHour { get; set; } = 5;

    /// <summary>
    /// "Send me a link" requests one source (the client's address as the survey limiter keys it) may make per
    /// minute, whatever the addresses; more get 429 with Retry-After. Counted in storage, shared by every instance.
    /// </summary>
    public int SignInRequestsPerSourcePerMinute { get; set; } = 10;

    /// <summary>
    /// The bureau overview's kept figures per company are recounted by the timer (every 10 minutes) once they are
    /// older than this; the page shows how old they are and "Nu bijwerken" recounts them at once.
    /// </summary>
    public TimeSpan OverviewRefreshAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a view of the bureau overview waits for companies without kept figures (a fresh install, a new year)
    /// to be counted; those not done by then show "wordt geteld" and the page refreshes itself while the count goes on
    /// in the background, so the first view answers in seconds however many companies there are. Counted from the start
    /// of the count: the page's refreshes during a long count do not wait again.
    /// </summary>
    public TimeSpan OverviewFirstViewWait { get; set; } = TimeSpan.FromSeconds(3);
}
