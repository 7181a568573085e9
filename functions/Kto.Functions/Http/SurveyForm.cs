using Kto.Core.Settings;
using Kto.Core.Survey;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Kto.Functions.Http;

/// <summary>
/// Reads what the questionnaire routes need from a request: the form fields and the <see cref="SurveyRequest"/>.
/// A form of ours is a few kilobytes, so a body over <see cref="MaxBodyBytes"/> is refused (413) before or while
/// it is read, never parsed: a huge field can neither fill memory nor end in an error.
/// </summary>
public static class SurveyForm
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<Body> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return Body.TooLarge;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (!request.HasFormContentType) return Body.Empty;

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return Body.TooLarge;
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        using var reader = new FormReader(buffer) { ValueLengthLimit = MaxBodyBytes, KeyLengthLimit = 256, ValueCountLimit = 256 };
        try
        {
            var fields = await reader.ReadFormAsync(cancellationToken);
            return new Body(fields.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal), false);
        }
        catch (InvalidDataException)
        {
            return Body.TooLarge; // more fields than any form of ours has
        }
    }

    /// <summary>The language comes from the form on a POST, and on a GET from <c>?lang=</c> or the remembered choice (<see cref="PageLanguage"/>).</summary>
    public static SurveyRequest Request(HttpRequest request, SurveySettings settings, string? token, TokenPurpose purpose,
        IReadOnlyDictionary<string, string?>? form = null) =>
        new(token,
            form?.GetValueOrDefault("lang") is { } posted ? SurveyRequest.LanguageOf(posted) : PageLanguage.Of(request),
            ClientAddress.Of(request, settings.TrustedProxies),
            CrossSite: CrossSite.Is(request),
            Purpose: purpose);

    /// <summary>The token of a new-style link: from the form on a POST, else from the query string.</summary>
    public static string? Token(HttpRequest request, string field, IReadOnlyDictionary<string, string?>? form = null) =>
        form?.GetValueOrDefault(field) ?? (request.Query.TryGetValue(field, out var value) ? value.ToString() : null);

    /// <summary>A read body: its fields, or too large to read.</summary>
    public sealed record Body(IReadOnlyDictionary<string, string?> Fields, bool IsTooLarge)
    {
        public static Body Empty { get; } = new(new Dictionary<string, string?>(), false);
        public static Body TooLarge { get; } = new(new Dictionary<string, string?>(), true);
    }
}
