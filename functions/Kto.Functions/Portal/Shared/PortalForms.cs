using Microsoft.AspNetCore.Http.Features;

namespace Kto.Functions.Portal;

/// <summary>Reads a small url-encoded portal form (file uploads are streamed elsewhere).</summary>
public static class PortalForms
{
    /// <summary>More fields than any portal form has (the longest has about ten).</summary>
    public const int MaxFields = 100;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = MaxFields,
        KeyLengthLimit = 256,
        ValueLengthLimit = 64 * 1024,
        MultipartBodyLengthLimit = 1024 * 1024,
        MultipartHeadersCountLimit = 16,
        MultipartHeadersLengthLimit = 16 * 1024,
    };

    /// <summary>The fields; null when the body cannot be read as a form (a broken multipart body, too many fields).</summary>
    public static async Task<IReadOnlyDictionary<string, string?>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return new Dictionary<string, string?>();
        try
        {
            var form = await request.ReadFormAsync(Limits, cancellationToken);
            return form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        }
        catch (Exception e) when (IsUnreadableBody(e))
        {
            return null;
        }
    }

    /// <summary>What reading a malformed form throws (not a failure of ours): the answer is 400, never 500.
    /// A body over the host's limit is not one of these: it stays Kestrel's 413 (<c>ErrorResponses</c>).</summary>
    public static bool IsUnreadableBody(Exception e) =>
        e is BadHttpRequestException bad ? bad.StatusCode != StatusCodes.Status413PayloadTooLarge : e is InvalidDataException or IOException;
}
