namespace Kto.Core.Survey;

/// <summary>
/// What a personal link's token may do. A survey token opens the questionnaire (and may opt out); an opt-out token
/// only opts out, so a mail provider that calls the List-Unsubscribe link can never open or answer the questionnaire.
/// </summary>
public enum TokenPurpose
{
    Survey,
    OptOut,
    /// <summary>A letter's short code (only ever looked up by <c>IShortCodeStore</c>, never presented as a link).</summary>
    ShortCode,
}
