using Kto.Core.Portal;
namespace Kto.Functions.Http;

/// <summary>The shapes of API answers: JSON documents and errors as <c>{ error, message }</c> in plain Dutch.</summary>
public static class ApiResults
{
    public static IActionResult Error(int status, string code, string message) =>
        new ObjectResult(new { error = code, message }) { StatusCode = status };

    /// <summary>A refusal as an outcome's answer table gives it (<c>CorrectionAnswers</c>, <c>RegistrationAnswers</c>, …).</summary>
    public static IActionResult Error((int Status, string Code, PageText Message) answer) => Error(answer.Status, answer.Code, answer.Message.ToString());

    public static IActionResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "unauthorized", "Geef een geldige sleutel mee: Authorization: Bearer SLEUTEL.");

    /// <summary>Same answer for "not yours" and "does not exist", so a key cannot probe for other companies.</summary>
    public static IActionResult Forbidden() =>
        Error(StatusCodes.Status403Forbidden, "forbidden", "Deze sleutel geeft geen toegang tot dit bedrijf.");

    /// <summary>A valid company key on a route only the bureau may use.</summary>
    public static IActionResult BureauOnly() =>
        Error(StatusCodes.Status403Forbidden, "forbidden", "Alleen het onderzoeksbureau mag dit doen.");

    public static IActionResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "not-found", message);

    public static IActionResult BadRequest(string code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    public static IActionResult Json(object value, int status = StatusCodes.Status200OK) =>
        new JsonResult(value, Core.KtoJson.Options) { StatusCode = status };
}
