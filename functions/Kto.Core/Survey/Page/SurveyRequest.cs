namespace Kto.Core.Survey;

/// <summary>What the questionnaire pages need to know of one HTTP request.</summary>
/// <param name="Token">The token the request carried (query string, form body, or an old link's path).</param>
/// <param name="Language">"nl" or "en".</param>
/// <param name="ClientAddress">For the rate limit only; never logged.</param>
/// <param name="CrossSite">The browser said the request came from another site (Sec-Fetch-Site: cross-site).</param>
/// <param name="Purpose">Which kind of token the request presents: <c>t</c> is a survey token, <c>o</c> an opt-out token.</param>
public sealed record SurveyRequest(string? Token, string Language, string ClientAddress, bool CrossSite = false,
    TokenPurpose Purpose = TokenPurpose.Survey)
{
    /// <summary>English when asked for, Dutch otherwise.</summary>
    public static string LanguageOf(string? requested) =>
        requested is not null && requested.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
}
