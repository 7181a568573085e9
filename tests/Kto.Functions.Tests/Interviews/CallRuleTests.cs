using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Interviews;

/// <summary>
/// The calling rules hold at every door, not only on the screen: outside the calling hours, after a refusal, a wrong
/// number or the maximum number of calls, the API, the CLI and the portal's post handlers refuse a call and record
/// nothing; and the same call sent several times at once is recorded and audited once.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class CallRuleTests(LocalStack stack)
{
    private static string End => Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Outside_the_calling_hours_the_API_the_CLI_and_both_portal_forms_refuse_a_call_and_record_nothing()
    {
        var (company, _) = await stack.NewCompanyAsync("nacht");
        await stack.DeliverAsync(company, "nacht.csv", Exports.Csv($"N1;Nina;Nacht;;0633333333;Naar werk;{End}"));
        var hour = DutchTime.ToDutch(DateTimeOffset.UtcNow).Hour;
        // A calling window that does not hold this hour (nor the next, in case the hour turns during the test).
        var (from, until) = hour < 21 ? (hour + 2, 24) : (0, hour - 1);
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>
        {
            ["Kto:Fieldwork:CallFromHour"] = from.ToString(CultureInfo.InvariantCulture),
            ["Kto:Fieldwork:CallUntilHour"] = until.ToString(CultureInfo.InvariantCulture),
        });
        var service = Assert.Single(await ServicesAsync(company));

        var api = await host.Client(stack.BureauKey).PostAsJsonAsync($"/api/companies/{company}/attempts",
            new { year = Invitations.Year, service, mode = "phone", outcome = "no-answer" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var body = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("outside-calling-hours", body.GetProperty("error").GetString());
        Assert.Contains($"van {from}:00 tot {until}:00 uur", body.GetProperty("message").GetString());

        var cli = await KtoCli.RunAsync(host.BaseUrl, stack.BureauKey, "attempt", company, "--year", Invitations.Year.ToString(), "--service", service,
            "--mode", "phone", "--outcome", "no-answer");
        Assert.NotEqual(0, cli.Exit);
        Assert.Contains("outside-calling-hours", cli.Stdout + cli.Stderr);

        var email = $"nacht-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var portal = new PortalClient(stack);
        portal.Http.BaseAddress = new Uri(host.BaseUrl);
        var signedIn = await portal.UseLinkAsync((await PortalClient.LinkAsync(stack, email)).Replace(stack.BaseUrl, host.BaseUrl));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var sheet = await portal.Http.GetStringAsync($"/portal/bureau/calls/{company}/{service}?year={Invitations.Year}");
        Assert.Contains("Het is nu geen beltijd", sheet);
        // The form is hidden, but a post (an old tab, a crafted request) is refused by the handler too.
        var call = await portal.PostFormAsync($"/portal/bureau/calls/{company}/{service}",
            new() { ["_csrf"] = PortalClient.FormToken(sheet), ["year"] = Invitations.Year.ToString(), ["outcome"] = "no-answer" });
        Assert.Equal(HttpStatusCode.Conflict, call.StatusCode);
        Assert.Contains("Het is nu geen beltijd. Er is niets vastgelegd.", await call.Content.ReadAsStringAsync());
        var fieldwork = await portal.PostFormAsync($"/portal/bureau/fieldwork/{company}",
            new() { ["_csrf"] = PortalClient.FormToken(sheet), ["year"] = Invitations.Year.ToString(), ["service"] = service, ["attempt"] = "phone:no-answer" });
        Assert.Equal(HttpStatusCode.Conflict, fieldwork.StatusCode);

        Assert.Empty(await AttemptsAsync(company));
        // A letter has no calling hours.
        var letter = await host.Client(stack.BureauKey).PostAsJsonAsync($"/api/companies/{company}/attempts",
            new { year = Invitations.Year, service, mode = "letter", outcome = "sent" });
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("wrong-number")]
    [InlineData("max")]
    public async Task After_a_refusal_a_wrong_number_or_the_maximum_the_API_and_the_call_sheet_refuse_another_call(string ending)
    {
        var (company, _) = await stack.NewCompanyAsync("eind");
        await stack.DeliverAsync(company, "eind.csv", Exports.Csv($"E1;Eva;Einde;;0644444444;Naar werk;{End}"));
        var service = Assert.Single(await ServicesAsync(company));
        using var bureau = stack.Bureau();
        // The default maximum is five calls; each no-answer is a call of its own (the client's step moves on).
        var calls = ending == "max" ? Enumerable.Repeat("no-answer", 5).ToArray() : [ending];
        foreach (var outcome in calls)
        {
            var made = await bureau.PostAsJsonAsync($"/api/companies/{company}/attempts", new { year = Invitations.Year, service, mode = "phone", outcome });
            Assert.True(made.StatusCode == HttpStatusCode.Created, $"{made.StatusCode}: {string.Join("\n", stack.Logs.Lines.Where(l => l.Contains("Exception")).TakeLast(3))}");
        }

        var refused = await bureau.PostAsJsonAsync($"/api/companies/{company}/attempts", new { year = Invitations.Year, service, mode = "phone", outcome = "reached" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("calling-ended", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var email = $"eind-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var portal = new PortalClient(stack);
        await portal.SignInAsync(email);
        var sheet = await portal.Http.GetStringAsync($"/portal/bureau/calls/{company}/{service}?year={Invitations.Year}");
        var posted = await portal.PostFormAsync($"/portal/bureau/calls/{company}/{service}",
            new() { ["_csrf"] = PortalClient.FormToken(sheet), ["year"] = Invitations.Year.ToString(), ["outcome"] = "voicemail" });
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("wordt niet meer gebeld", await posted.Content.ReadAsStringAsync());

        Assert.Equal(calls.Length, (await AttemptsAsync(company)).Count);
    }

    [Fact]
    public async Task The_same_call_sent_at_once_on_two_hosts_and_from_the_call_sheet_twice_is_recorded_and_audited_once()
    {
        var (company, _) = await stack.NewCompanyAsync("twee");
        await stack.DeliverAsync(company, "twee.csv", Exports.Csv(
            $"T1;Tim;Twee;;0655555555;Naar werk;{End}",
            $"T2;Tara;Twee;;0666666666;Naar werk;{End}"));
        var services = await ServicesAsync(company);
        await using var other = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>());
        HttpClient[] hosts = [stack.Bureau(), other.Client(stack.BureauKey)];

        // The API: five identical calls at once, spread over both hosts.
        var start = new TaskCompletionSource();
        var requests = Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await hosts[i % 2].PostAsJsonAsync($"/api/companies/{company}/attempts",
                new { year = Invitations.Year, service = services[0], mode = "phone", outcome = "no-answer", step = 0 });
        })).ToList();
        start.SetResult();
        Assert.All(await Task.WhenAll(requests), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        // The call sheet: the same form sent three times at once and once more later (a double click, a reload).
        var email = $"twee-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var portal = new PortalClient(stack);
        await portal.SignInAsync(email);
        var sheet = await portal.Http.GetStringAsync($"/portal/bureau/calls/{company}/{services[1]}?year={Invitations.Year}");
        var step = Regex.Match(sheet, "name=\"step\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal("0", step);
        Dictionary<string, string> Form() => new() { ["_csrf"] = PortalClient.FormToken(sheet), ["year"] = Invitations.Year.ToString(), ["outcome"] = "voicemail", ["step"] = step };
        var go = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 3).Select(_ => Task.Run(async () => { await go.Task; return await portal.PostFormAsync($"/portal/bureau/calls/{company}/{services[1]}", Form()); })).ToList();
        go.SetResult();
        Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(HttpStatusCode.SeeOther, (await portal.PostFormAsync($"/portal/bureau/calls/{company}/{services[1]}", Form())).StatusCode);

        var attempts = await AttemptsAsync(company);
        Assert.Single(attempts, a => a.Service.ServiceId == services[0]);
        Assert.Single(attempts, a => a.Service.ServiceId == services[1]);
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(1000, default);
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.AttemptRecorded && e.Company == company));
    }

    private async Task<List<string>> ServicesAsync(string company)
    {
        var list = new List<string>();
        await foreach (var c in stack.Services.GetRequiredService<IFieldworkStore>().CandidatesAsync(company, Invitations.Year, default)) list.Add(c.Ref.ServiceId);
        return list;
    }

    private async Task<List<ContactAttempt>> AttemptsAsync(string company)
    {
        var list = new List<ContactAttempt>();
        await foreach (var a in stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, Invitations.Year, default)) list.Add(a);
        return list;
    }
}
