using Microsoft.Extensions.Logging;

namespace Kto.Functions.Http;

/// <summary>
/// The answer to an exception no function handled, in both hosts (<see cref="ErrorMiddleware"/> in the Functions
/// worker, the same call in Kto.Local): the API's <c>{ error, message }</c> shape, in every environment. Never a
/// stack trace, an exception message or a request header (those may carry keys, tokens or personal data); the log
/// gets the exception's type only, for the same reason.
/// </summary>
public static class ErrorResponses
{
    public static async Task<bool> TryWriteAsync(HttpContext context, Exception exception, ILogger logger)
    {
        if (context.RequestAborted.IsCancellationRequested) return true; // the client left; nobody reads an answer
        var (status, code, message) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "request-too-large", "Het verzoek is groter dan toegestaan."),
            Kto.Core.Reports.ReportTimestampUnavailableException =>
                (StatusCodes.Status503ServiceUnavailable, "timestamp-unavailable",
                    "De tijdstempeldienst gaf geen tijdstempel, dus is het rapport niet ondertekend. Probeer het later opnieuw; " +
                    "blijft het misgaan, controleer dan de tijdstempeldienst (Kto:Signing:TimestampUrl)."),
            BadHttpRequestException bad =>
                (bad.StatusCode, "bad-request", "Het verzoek kon niet worden gelezen."),
            _ => (StatusCodes.Status500InternalServerError, "internal-error",
                "Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met het onderzoeksbureau."),
        };
        if (status >= 500) logger.LogError("Unhandled {ErrorType} on {Method} request", exception.GetType().Name, context.Request.Method);
        else logger.LogWarning("Refused request: {ErrorType} ({Status})", exception.GetType().Name, status);
        if (context.Response.HasStarted) return false;

        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsJsonAsync(new { error = code, message }, context.RequestAborted);
        return true;
    }
}
