namespace Kto.Core.Settings;

/// <summary>The questionnaire pages (configuration section <c>Kto:Survey</c>).</summary>
public sealed class SurveySettings
{
    public const string Section = "Survey";

    /// <summary>
    /// Secret key for the hidden form field that proves a POST came from our own page: base64 of at least 32 random
    /// bytes (<c>openssl rand -base64 32</c>). Required in Production and the same on every instance; elsewhere,
    /// when empty, each start-up makes a random key (forms opened before a restart are then refused once).
    /// </summary>
    public string FormKey { get; set; } = "";

    /// <summary>Unknown or malformed links one client address may open per minute before it gets 429 (per instance).</summary>
    public int UnknownTokensPerMinute { get; set; } = 20;

    /// <summary>Unknown short codes (from a letter, typed at /k) one client address may try per minute (per instance).</summary>
    public int UnknownCodesPerMinute { get; set; } = 10;

    /// <summary>
    /// Proxies of our own between the platform's front end and the client (e.g. Front Door): 0 counts the address
    /// the platform appends as the last <c>X-Forwarded-For</c> entry; n counts the entry n places before it.
    /// Entries further left are written by the client and never trusted.
    /// </summary>
    public int TrustedProxies { get; set; }
}
