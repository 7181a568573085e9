namespace Kto.Core.Survey;

/// <summary>
/// Where personal links point: the routes the survey functions answer and the links the mails, letters and pages
/// build, in one place. Tokens travel in the query string (and in the form body of a POST), never in the
/// path: the Functions host writes request paths to Application Insights. The old path form
/// <c>/api/s/{token}</c> is still answered (see <see cref="LegacyQuestionnaireRoute"/>) for links already sent.
/// </summary>
public static class SurveyLinks
{
    /// <summary>The questionnaire page (a page for people, outside <c>/api</c>).</summary>
    public const string QuestionnaireRoute = "s";

    /// <summary>The opt-out confirm page and the opt-out POST (also RFC 8058 one-click).</summary>
    public const string OptOutRoute = "s/afmelden";

    /// <summary>The short address for a letter's short code (a page for people, outside <c>/api</c>; kept short to type).</summary>
    public const string ShortCodeRoute = "k";

    /// <summary>The questionnaire's stylesheet (versioned by a hash of its content in the page's link).</summary>
    public const string StylesheetRoute = "api/assets/survey.css";

    /// <summary>Query or form field with a survey token.</summary>
    public const string SurveyTokenField = "t";

    /// <summary>Query or form field with an opt-out token.</summary>
    public const string OptOutTokenField = "o";

    /// <summary>Links sent before tokens left the path; answered until the fieldwork of their year has closed.</summary>
    public const string LegacyQuestionnaireRoute = "api/s/{token}";

    public const string LegacyOptOutRoute = "api/s/{token}/afmelden";

    public static string Questionnaire(string baseUrl, string surveyToken) =>
        $"{baseUrl.TrimEnd('/')}/{QuestionnaireRoute}?{SurveyTokenField}={Uri.EscapeDataString(surveyToken)}";

    public static string OptOut(string baseUrl, string optOutToken) =>
        $"{baseUrl.TrimEnd('/')}/{OptOutRoute}?{OptOutTokenField}={Uri.EscapeDataString(optOutToken)}";

    public static string ShortCodePage(string baseUrl) => $"{baseUrl.TrimEnd('/')}/{ShortCodeRoute}";
}
