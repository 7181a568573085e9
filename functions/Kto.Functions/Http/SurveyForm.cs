using Kto.Core.Survey;
using Microsoft.AspNetCore.Http;

namespace Kto.Functions.Http;

/// <summary>Reads what the questionnaire routes need from a request: the form fields and the <see cref="SurveyRequest"/>.</summary>
public static class SurveyForm
{
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return new Dictionary<string, string?>();
        var form = await request.ReadFormAsync(cancellationToken);
        return form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The language comes from the form on a POST and from <c>?lang=</c> on a GET.</summary>
    public static SurveyRequest Request(HttpRequest request, string token, IReadOnlyDictionary<string, string?>? form = null) =>
        new(token,
            SurveyRequest.LanguageOf(form?.GetValueOrDefault("lang") ?? request.Query["lang"].ToString()),
            ClientAddress.Of(request),
            CrossSite: string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase));
}
