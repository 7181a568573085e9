using System.Text;
using System.Text.Json;
using Kto.Client;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Letters;

/// <summary>
/// Making and posting letter batches at once, with real concurrent requests spread over two hosts on one Azurite (as
/// Azure runs several instances): every client gets one first letter, and one call of several "posted" reports and
/// audits the letters. Repeated over fresh companies, because a race shows only sometimes.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class LetterRaceTests(LocalStack stack)
{
    private const int Rounds = 6;

    /// <summary>Four clients the post reaches, one with e-mail.</summary>
    private static byte[] Export(DateTime end) => Encoding.UTF8.GetBytes(string.Join("\n",
        LetterBatchTests.Header,
        $"W1;A.;;Een;;;Straat 1;1111 AA;Delft;Naar werk;{end:dd-MM-yyyy}",
        $"W2;B.;;Twee;;;Straat 2;2222 BB;Delft;Naar werk;{end:dd-MM-yyyy}",
        $"W3;C.;;Drie;;;Straat 3;3333 CC;Delft;Werkfit maken;{end:dd-MM-yyyy}",
        $"W4;D.;;Vier;;;Straat 4;4444 DD;Delft;Naar werk;{end:dd-MM-yyyy}",
        $"W5;E.;;Mail;e@example.nl;;Straat 5;5555 EE;Delft;Naar werk;{end:dd-MM-yyyy}") + "\n");

    private const int LetterClients = 4;

    [Fact]
    public async Task Making_a_batch_while_the_last_is_marked_posted_on_two_hosts_never_gives_a_client_a_second_first_letter()
    {
        await using var other = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>());
        KtoApiClient[] hosts = [stack.Api(), new(new Uri(other.BaseUrl), stack.BureauKey, TimeSpan.FromSeconds(120))];
        var end = DateTime.Today.AddDays(-10);
        var failures = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var (company, _) = await stack.NewCompanyAsync("race");
            await stack.DeliverAsync(company, "brieven.csv", Export(end));
            var first = (await hosts[0].MakeLetterBatchAndWaitAsync(company, end.Year)).JsonString("id")!;

            // At once: the first batch marked posted three times and two new batches made, over both hosts.
            var start = new TaskCompletionSource();
            var marks = Enumerable.Range(0, 3).Select(i => Task.Run(async () => { await start.Task; return await hosts[i % 2].MarkLettersPostedAsync(company, first); })).ToList();
            var makes = Enumerable.Range(0, 2).Select(i => Task.Run(async () => { await start.Task; return await hosts[(i + 1) % 2].MakeLetterBatchAndWaitAsync(company, end.Year); })).ToList();
            start.SetResult();
            var marked = await Task.WhenAll(marks);
            var made = await Task.WhenAll(makes);
            Assert.All(marked, m => Assert.Contains(m.Status, new[] { 200, 409 }));
            Assert.All(made, m => Assert.Contains(m.Status, new[] { 200, 201 }));

            // Then, as the bureau would: post whatever batch is still open.
            var batches = (await hosts[round % 2].GetLetterBatchesAsync(company, end.Year)).Json().GetProperty("batches").EnumerateArray().ToList();
            var open = batches.Where(b => b.GetProperty("status").GetString() == "open").Select(b => b.GetProperty("id").GetString()!).ToList();
            Assert.True(open.Count <= 1, $"round {round}: {open.Count} open batches");
            foreach (var id in open) Assert.Equal(200, (await hosts[0].MarkLettersPostedAsync(company, id)).Status);

            var letters = (await Attempts(company, end.Year)).Where(a => a.Mode == ContactMode.Letter).ToList();
            var firstLetters = letters.Where(a => a.Step.IsInvitation).GroupBy(a => a.Service.ServiceId).ToList();
            if (firstLetters.Count != LetterClients || firstLetters.Any(g => g.Count() != 1))
                failures.Add($"round {round}: first letters per client {string.Join(",", firstLetters.Select(g => g.Count()))} " +
                             $"(batches {batches.Count}, posted answers {string.Join(",", marked.Select(m => m.Status))}, made {string.Join(",", made.Select(m => m.Status))})");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Posted_pressed_at_once_on_two_hosts_through_the_API_and_the_CLI_records_and_audits_once_and_the_others_say_already_posted()
    {
        await using var other = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>());
        KtoApiClient[] hosts = [stack.Api(), new(new Uri(other.BaseUrl), stack.BureauKey, TimeSpan.FromSeconds(120))];
        string[] urls = [stack.BaseUrl, other.BaseUrl];
        var end = DateTime.Today.AddDays(-10);
        var audit = stack.Services.GetRequiredService<IAuditLog>();
        for (var round = 0; round < Rounds; round++)
        {
            var (company, _) = await stack.NewCompanyAsync("druk");
            await stack.DeliverAsync(company, "brieven.csv", Export(end));
            var id = (await hosts[round % 2].MakeLetterBatchAndWaitAsync(company, end.Year)).JsonString("id")!;

            var start = new TaskCompletionSource();
            var api = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return (await hosts[i % 2].MarkLettersPostedAsync(company, id)).Body;
            }));
            var cli = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                await start.Task;
                var run = await KtoCli.RunAsync(urls[i % 2], stack.BureauKey, "letters", company, "--posted", id);
                Assert.Equal(0, run.Exit);
                return run.Stdout;
            }));
            var all = api.Concat(cli).ToList();
            start.SetResult();
            var answers = (await Task.WhenAll(all)).Select(body => JsonDocument.Parse(body).RootElement).ToList();

            var reporting = Assert.Single(answers, a => !a.GetProperty("alreadyPosted").GetBoolean());
            Assert.Equal(LetterClients, reporting.GetProperty("recorded").GetInt32());
            Assert.All(answers.Where(a => a.GetProperty("alreadyPosted").GetBoolean()), a => Assert.Equal(0, a.GetProperty("recorded").GetInt32()));
            Assert.Single(answers.Select(a => a.GetProperty("postedAt").GetDateTimeOffset()).Distinct());
            Assert.Equal(LetterClients, (await Attempts(company, end.Year)).Count(a => a.Mode == ContactMode.Letter));
            var lines = (await audit.RecentAsync(2000, default)).Where(e => e.Action == AuditActions.LettersPosted && e.Company == company).ToList();
            Assert.Single(lines);
        }
    }

    private async Task<List<ContactAttempt>> Attempts(string company, int year)
    {
        var list = new List<ContactAttempt>();
        await foreach (var a in stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, year, default)) list.Add(a);
        return list;
    }
}
