using System.Net;
using System.Text.RegularExpressions;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Survey;

/// <summary>
/// Issue 11, item 9: tokens never in a path the host logs. Links carry them in the query string, forms in the body;
/// the opt-out link has a token of its own that can only opt out; links sent before the change keep working.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class TokenTransportTests(LocalStack stack)
{
    private ISurveyServiceStore Services => stack.Services.GetRequiredService<ISurveyServiceStore>();

    [Fact]
    public async Task Mail_and_page_links_carry_the_token_outside_the_path()
    {
        var invited = await Invitations.InviteAsync(stack, "pad");
        var token = invited.Tokens["pad"];
        var mail = stack.Smtp.To(invited.Domain).Single();
        var client = new SurveyClient(stack);

        Assert.Contains($"{stack.BaseUrl}/s?t={token}", mail.TextBody);
        Assert.Contains($"{stack.BaseUrl}/s?t={token}", mail.HtmlBody);
        Assert.DoesNotContain("/api/s/", mail.TextBody + mail.HtmlBody);

        var open = await client.GetAsync($"/s?t={token}");
        var confirm = await client.GetAsync($"/s/afmelden?t={token}");
        Assert.Equal(HttpStatusCode.OK, open.Status);
        Assert.Contains("<form method=\"post\" action=\"/s\"", open.Html);
        foreach (var page in new[] { open, confirm })
            foreach (Match url in UrlAttribute().Matches(page.Html))
            {
                var path = url.Groups[1].Value.Split('?')[0];
                Assert.DoesNotContain(token, path);
            }
    }

    [Fact]
    public async Task The_opt_out_token_opts_out_but_never_opens_or_answers_the_questionnaire()
    {
        var invited = await Invitations.InviteAsync(stack, "alleenaf");
        var token = invited.Tokens["alleenaf"];
        var optOutLink = invited.OptOutLinks["alleenaf"];
        var optOutToken = Regex.Match(optOutLink, @"[?&]o=([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.Equal(32, optOutToken.Length);
        Assert.NotEqual(token, optOutToken);
        var client = new SurveyClient(stack);

        var asQuestionnaire = await client.GetAsync($"/s?t={optOutToken}");
        var neutral = await client.GetAsync($"/s?t={SurveyToken.New().Token}");
        Assert.Equal(HttpStatusCode.NotFound, asQuestionnaire.Status);
        Assert.Equal(neutral.Bytes, asQuestionnaire.Bytes);

        var confirm = await client.GetAsync(optOutLink.Replace(stack.BaseUrl, ""));
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("Ja, meld mij af", confirm.Html);
        Assert.DoesNotContain("/s?t=", confirm.Html); // no way from the opt-out page into the questionnaire
        var answered = await client.PostSurveyAsync(optOutToken, SurveyClient.ValidAnswers().Append(new("_form", confirm.FormKey!)));
        Assert.Equal(HttpStatusCode.NotFound, answered.Status);
        Assert.Equal(ServiceStatus.Open, await StatusAsync(token));

        var done = await client.PostAsync("/s/afmelden", [new("o", optOutToken), new("_form", confirm.FormKey!), new("lang", "nl")]);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("U bent afgemeld", done.Html);
        Assert.Equal(ServiceStatus.OptedOut, await StatusAsync(token));
    }

    [Fact]
    public async Task Links_sent_before_the_change_still_open_answer_and_opt_out()
    {
        var invited = await Invitations.InviteAsync(stack, "oud", "oudaf");
        var token = invited.Tokens["oud"];
        var client = new SurveyClient(stack);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(stack.BaseUrl) };
        noRedirects.DefaultRequestHeaders.Add("X-Forwarded-For", client.Address);

        var moved = await noRedirects.GetAsync($"/api/s/{token}?lang=en");
        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        Assert.Equal($"/s?t={token}&lang=en", moved.Headers.Location!.OriginalString);
        Assert.Equal("no-referrer", string.Join("", moved.Headers.GetValues("Referrer-Policy")));

        // A form opened before the change posts to the old address.
        var page = await client.GetAsync($"/api/s/{token}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var posted = await client.PostAsync($"/api/s/{token}", SurveyClient.ValidAnswers().Append(new("_form", page.FormKey!)));
        Assert.Contains("Bedankt voor uw antwoorden", posted.Html);
        Assert.Equal(ServiceStatus.Responded, await StatusAsync(token));

        // An old mail's List-Unsubscribe: a one-click POST to the old path, which a mail provider does not redirect.
        using var bare = new HttpClient { BaseAddress = new Uri(stack.BaseUrl) };
        var oneClick = await bare.PostAsync($"/api/s/{invited.Tokens["oudaf"]}/afmelden", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(ServiceStatus.OptedOut, await StatusAsync(invited.Tokens["oudaf"]));
    }

    private async Task<ServiceStatus> StatusAsync(string token) =>
        (await Services.GetAsync(await Invitations.ServiceOfAsync(stack, token), CancellationToken.None))!.Status;

    [GeneratedRegex("(?:href|action)=\"([^\"]+)\"")]
    private static partial Regex UrlAttribute();
}
