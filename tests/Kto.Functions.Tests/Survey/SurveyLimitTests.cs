using System.Net;
using System.Text;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Survey;

/// <summary>
/// Issue 11, item 14: bodies over 64 KB are refused with 413 (never a 500), token shape is checked before a body is
/// read, and the unknown-link limit counts the address the platform appended, per /64 for IPv6.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class SurveyLimitTests(LocalStack stack)
{
    [Fact]
    public async Task A_form_field_over_4_MB_is_refused_unread_or_with_413_never_a_500()
    {
        var huge = new string('x', 4 * 1024 * 1024 + 10);
        var client = new SurveyClient(stack);

        // Expect: 100-continue, as browsers' and curl's large uploads: a body refused unread is then never sent.
        var oldMalformed = await client.PostAsync("/api/s/x", [new("open-goed", huge)], r => r.Headers.ExpectContinue = true);
        var newRoute = await client.PostAsync("/s", [new("t", SurveyToken.New().Token), new("open-goed", huge)], r => r.Headers.ExpectContinue = true);
        var optOut = await client.PostAsync("/s/afmelden", [new("o", SurveyToken.New().Token), new("open-goed", huge)], r => r.Headers.ExpectContinue = true);

        Assert.Equal(HttpStatusCode.NotFound, oldMalformed.Status); // malformed token: the body is never read
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, newRoute.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, optOut.Status);
        Assert.Contains("Wij konden uw formulier niet verwerken", newRoute.Html);
    }

    [Fact]
    public async Task A_body_just_over_64_KB_is_413_also_without_a_content_length()
    {
        var invited = await Invitations.InviteAsync(stack, "groot");
        var token = invited.Tokens["groot"];
        var client = new SurveyClient(stack);
        var formKey = (await client.GetAsync($"/s?t={token}")).FormKey!;
        var body = $"t={token}&_form={formKey}&open-goed=" + new string('a', 64 * 1024);

        var chunked = await client.PostAsync("/s", [], request =>
        {
            var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            request.Content = content;
            request.Headers.TransferEncodingChunked = true;
        });
        var small = await client.PostSurveyAsync(token, SurveyClient.ValidAnswers().Append(new("_form", formKey)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.Status);
        Assert.Contains("Bedankt voor uw antwoorden", small.Html);
    }

    [Fact]
    public async Task A_spoofed_forwarded_for_cannot_lock_out_the_address_it_names()
    {
        var invited = await Invitations.InviteAsync(stack, "slachtoffer");
        // The attacker writes the victim's address into X-Forwarded-For; the platform appends the attacker's own.
        var attacker = new SurveyClient(stack, "198.51.100.7, 203.0.113.66");
        for (var i = 0; i < 25; i++) await attacker.GetAsync($"/s?t={SurveyToken.New().Token}");
        Assert.Equal((HttpStatusCode)429, (await attacker.GetAsync($"/s?t={SurveyToken.New().Token}")).Status);

        var victim = new SurveyClient(stack, "198.51.100.7");
        Assert.Equal(HttpStatusCode.NotFound, (await victim.GetAsync($"/s?t={SurveyToken.New().Token}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync($"/s?t={invited.Tokens["slachtoffer"]}")).Status);
    }

    [Fact]
    public async Task A_random_forwarded_for_per_request_is_still_limited()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var prober = new SurveyClient(stack, $"192.0.2.{i}, 203.0.113.77");
            statuses.Add((await prober.GetAsync(i % 2 == 0 ? $"/s?t={SurveyToken.New().Token}" : $"/s?t=kort{i}")).Status);
        }
        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal((HttpStatusCode)429, s));
    }

    [Fact]
    public async Task IPv6_clients_are_counted_per_64()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 25; i++)
            statuses.Add((await new SurveyClient(stack, $"2001:db8:11:22::{i:x}").GetAsync($"/s?t={SurveyToken.New().Token}")).Status);
        var neighbour = await new SurveyClient(stack, "2001:db8:11:23::1").GetAsync($"/s?t={SurveyToken.New().Token}");

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal((HttpStatusCode)429, s));
        Assert.Equal(HttpStatusCode.NotFound, neighbour.Status);
    }
}
