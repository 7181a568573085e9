using System.Net;
using System.Text.RegularExpressions;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// A browser-like client of the questionnaire pages. Each one has its own client address (X-Forwarded-For), so
/// the per-address limit on unknown links of one test never slows down another.
/// </summary>
public sealed partial class SurveyClient
{
    private readonly HttpClient http;

    public SurveyClient(LocalStack stack, string? address = null)
    {
        http = stack.Client();
        Address = address ?? $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        http.DefaultRequestHeaders.Add("X-Forwarded-For", Address);
    }

    public string Address { get; }

    public async Task<Page> GetAsync(string path) => await Page.ReadAsync(await http.GetAsync(path));

    public async Task<Page> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        configure?.Invoke(request);
        return await Page.ReadAsync(await http.SendAsync(request));
    }

    /// <summary>Posts to the questionnaire as its form does: to <c>/s</c>, the token in the body (field <c>t</c>).</summary>
    public Task<Page> PostSurveyAsync(string token, IEnumerable<KeyValuePair<string, string>> fields, Action<HttpRequestMessage>? configure = null) =>
        PostAsync("/s", fields.Prepend(new("t", token)), configure);

    /// <summary>Posts to the opt-out page as its form does when opened from the questionnaire (a survey token in <c>t</c>).</summary>
    public Task<Page> PostOptOutAsync(string token, IEnumerable<KeyValuePair<string, string>> fields, Action<HttpRequestMessage>? configure = null) =>
        PostAsync("/s/afmelden", fields.Prepend(new("t", token)), configure);

    /// <summary>Opens the questionnaire and posts the answers with the page's own form field, as a browser would.</summary>
    public async Task<Page> AnswerAsync(string token, IReadOnlyDictionary<string, string> answers)
    {
        var form = await GetAsync($"/s?t={token}");
        return await PostSurveyAsync(token, answers.Append(new("_form", form.FormKey!)));
    }

    /// <summary>Every mandatory question answered; the grade as given.</summary>
    public static Dictionary<string, string> ValidAnswers(int grade = 8) => SurveyAnswers.Valid(grade);

    /// <summary>A response as the tests read it: status, headers and the HTML.</summary>
    public sealed partial record Page(HttpStatusCode Status, HttpResponseMessage Response, string Html, byte[] Bytes)
    {
        public string? FormKey => FormKeyPattern().Match(Html) is { Success: true } m ? m.Groups[1].Value : null;

        public string Header(string name) =>
            Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : "";

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return new Page(response.StatusCode, response, System.Text.Encoding.UTF8.GetString(bytes), bytes);
        }

        [GeneratedRegex("name=\"_form\" value=\"([^\"]+)\"")]
        private static partial Regex FormKeyPattern();
    }
}
