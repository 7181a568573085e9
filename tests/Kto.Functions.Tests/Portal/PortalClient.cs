using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Portal;

/// <summary>A browser-like HTTP client for the portal: keeps cookies, does not follow redirects, reads form tokens.</summary>
public sealed partial class PortalClient
{
    private readonly LocalStack stack;

    public PortalClient(LocalStack stack)
    {
        this.stack = stack;
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(stack.BaseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }

    /// <summary>Adds a user through the bureau's API (what <c>./kto user add</c> calls).</summary>
    public static async Task AddUserAsync(LocalStack stack, string email, string? company)
    {
        var response = await stack.Bureau().PostAsJsonAsync("/api/users",
            new { email, role = company is null ? "bureau" : "company", company });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A sign-in link without a mail (the development route <c>./kto up</c> uses).</summary>
    public static async Task<string> LinkAsync(LocalStack stack, string email)
    {
        var response = await stack.Bureau().PostAsJsonAsync("/api/users/sign-in-link", new { email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    /// <summary>Opens the link's page and presses its button, as a person would; returns the answer to the button.</summary>
    public async Task<HttpResponseMessage> UseLinkAsync(string link)
    {
        var page = await Http.GetStringAsync(link);
        var token = new Uri(link).Query.Split("t=")[1];
        return await PostFormAsync("/portal/sign-in", new() { ["_csrf"] = FormToken(page), ["t"] = token });
    }

    public async Task SignInAsync(string email)
    {
        var response = await UseLinkAsync(await LinkAsync(stack, email));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields));

    public static string FormToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
