using System.Net;
using System.Text.RegularExpressions;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Doors;

/// <summary>A browser-like client (cookies, no redirects) of any host, with the client address it claims.</summary>
public sealed partial class DoorsBrowser
{
    public DoorsBrowser(string baseUrl, string? address = null)
    {
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(90),
        };
        if (address is not null) Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    /// <summary>Opens the sign-in page (sets the form cookie) and returns its anti-forgery token.</summary>
    public async Task<string> SignInFormTokenAsync() => Token(await Http.GetStringAsync("/portal"));

    public Task<HttpResponseMessage> AskLinkAsync(string token, string email) =>
        Http.PostAsync("/portal", new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token, ["email"] = email }));

    public static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
