namespace Kto.Core.Settings;

/// <summary>The questionnaire pages (configuration section <c>Kto:Survey</c>).</summary>
public sealed class SurveySettings
{
    public const string Section = "Survey";

    /// <summary>
    /// Secret key (any long random text) for the hidden form field that proves a POST came from our own page.
    /// Must be set in production and be the same on every instance; when empty, each start-up makes a random key
    /// (forms opened before a restart are then refused once).
    /// </summary>
    public string FormKey { get; set; } = "";

    /// <summary>Unknown or malformed links one client address may open per minute before it gets 429 (per instance).</summary>
    public int UnknownTokensPerMinute { get; set; } = 20;
}
