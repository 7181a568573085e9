namespace Kto.Core.Survey;

/// <summary>What the questionnaire pages need to know of one HTTP request.</summary>
/// <param name="Language">"nl" or "en".</param>
/// <param name="ClientAddress">For the rate limit only; never logged.</param>
/// <param name="CrossSite">The browser said the request came from another site (Sec-Fetch-Site: cross-site).</param>
public sealed record SurveyRequest(string? Token, string Language, string ClientAddress, bool CrossSite = false)
{
    /// <summary>English when asked for, Dutch otherwise.</summary>
    public static string LanguageOf(string? requested) =>
        requested is not null && requested.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
}
