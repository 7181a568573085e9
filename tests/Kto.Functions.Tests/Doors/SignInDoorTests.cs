using System.Net;
using System.Net.Http.Json;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Doors;

/// <summary>
/// Issue 21 items 5 and 6: "send me a link" never waits for the mail server (so its answer and its timing cannot
/// tell an address with an account from one without), and one source gets a limited number of requests a minute,
/// counted in storage: two hosts on one Azurite share the count.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class SignInDoorTests(LocalStack stack)
{
    private static readonly string SharedPortalKey = "doors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task The_request_answers_while_the_mail_server_hangs_and_the_mail_arrives_once_it_answers()
    {
        await using var smtp = new TestSmtpServer();
        var logs = new CapturedLogs();
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?> { ["Kto:Mail:Port"] = smtp.Port.ToString() }, logs: logs);
        var (company, _) = await stack.NewCompanyAsync("wacht");
        var known = $"bekend@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, known, company);
        var browser = new DoorsBrowser(host.BaseUrl, "192.0.2.10");
        var token = await browser.SignInFormTokenAsync();

        smtp.Hold();
        // The mail server does not answer the message until released. A request that waited for it could only answer
        // once the sender gave up on the server (its 30 s timeout), and that mail would count as failed (see the end).
        var forKnown = await browser.AskLinkAsync(token, known);
        var forUnknown = await browser.AskLinkAsync(token, $"onbekend@{company}.example.nl");

        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(await forUnknown.Content.ReadAsStringAsync(), await forKnown.Content.ReadAsStringAsync());
        Assert.Empty(smtp.Received);
        // The background sender has the mail at the hanging server.
        await Eventually(() => smtp.Waiting == 1, "the sign-in mail never reached the mail server");
        smtp.Release();
        await Eventually(() => smtp.To($"{company}.example.nl").Count == 1, "the sign-in mail did not arrive after the server answered");
        var mail = Assert.Single(smtp.To($"{company}.example.nl"));
        Assert.Equal(known, mail.To.Mailboxes.Single().Address);
        Assert.Contains("/portal/sign-in?t=", mail.TextBody);
        // The sender was still there when the server answered: the mail went out, it did not time out.
        var outbox = new Azure.Data.Tables.TableServiceClient(stack.StorageConnectionString).GetTableClient(Kto.Infrastructure.Storage.StorageNames.SignInLinksTable);
        await EventuallyAsync(async () => !await outbox.QueryAsync<Azure.Data.Tables.TableEntity>("PartitionKey eq 'outbox'")
            .AnyAsync(r => r.GetString("Email")?.EndsWith($"@{company}.example.nl", StringComparison.Ordinal) == true), "the queued mails were not finished");
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Sign-in mail not accepted", StringComparison.Ordinal));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string message)
    {
        for (var i = 0; i < 600 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition(), message);
    }

    [Fact]
    public async Task A_hundred_requests_from_one_source_over_two_hosts_get_the_limit_and_429_with_retry_after_the_rest()
    {
        var settings = new Dictionary<string, string?> { ["Kto:Portal:SignInRequestsPerSourcePerMinute"] = "10", ["Kto:Portal:SessionKey"] = SharedPortalKey };
        await using var first = await ExtraHost.StartAsync(stack, settings);
        await using var second = await ExtraHost.StartAsync(stack, settings);
        var source = $"203.0.113.{Random.Shared.Next(1, 255)}";
        var browsers = new[] { new DoorsBrowser(first.BaseUrl, source), new DoorsBrowser(second.BaseUrl, source) };
        var token = await browsers[0].SignInFormTokenAsync();
        // The form cookie (signed with the shared key) works on both hosts, as behind Azure's load balancer.
        foreach (Cookie cookie in browsers[0].Cookies.GetAllCookies())
            browsers[1].Cookies.Add(new Uri(second.BaseUrl), new Cookie(cookie.Name, cookie.Value, "/"));

        var startMinute = DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute;
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            browsers[i % 2].AskLinkAsync(token, $"iemand{i}-{Guid.NewGuid():N}@voorbeeld.nl")));
        var minutes = DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute - startMinute + 1;

        var allowed = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(100, allowed + refused.Count);
        Assert.InRange(allowed, 1, 10 * minutes);   // one count in storage for both hosts (10 a minute)
        Assert.All(refused, r => Assert.InRange(int.Parse(r.Headers.GetValues("Retry-After").Single()), 1, 60));
        Assert.Contains("Te veel aanvragen", await refused[0].Content.ReadAsStringAsync());
        // Another source is not held back.
        var other = new DoorsBrowser(first.BaseUrl, "198.51.100.77");
        Assert.Equal(HttpStatusCode.OK, (await other.AskLinkAsync(await other.SignInFormTokenAsync(), "ander@voorbeeld.nl")).StatusCode);
    }

    private static async Task Eventually(Func<bool> condition, string message)
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), message);
    }
}
