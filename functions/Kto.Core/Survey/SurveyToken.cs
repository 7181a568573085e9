using Kto.Core.Access;

namespace Kto.Core.Survey;

/// <summary>
/// The personal link's secret: 192 random bits, URL-safe. Only its hash is stored, so a leaked table does not
/// open anyone's questionnaire. Each mail gets a fresh token; every token of a service stays valid.
/// </summary>
public static class SurveyToken
{
    private const int RandomBytes = 24;

    public static (string Token, string Hash) New()
    {
        var token = SecretKeys.Create(RandomBytes);
        return (token, SecretKeys.Hash(token));
    }

    /// <summary>A cheap shape check first, so malformed tokens never reach storage.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 32 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
