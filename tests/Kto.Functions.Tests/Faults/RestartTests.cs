using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Kto.Core.Access;
using Xunit.Abstractions;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;

namespace Kto.Functions.Tests.Faults;

/// <summary>
/// Kto.Local killed with SIGKILL in the middle of an ingest, a mail run and a report run, then started again on the
/// same storage and mail server: the state converges (every service once, no mail twice, every report complete).
/// </summary>
public sealed class RestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    // A Tuesday, 10:00 in Amsterdam: inside mail hours, fieldwork of 2026 open.
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));
    private const string Header = "klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum";
    private static readonly string[] Percelen = ["Naar werk", "Werkfit maken", "Praktijkassessment", "Modulaire Re-integratiediensten"];

    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(3);

    private readonly string bureauKey = SecretKeys.Create();
    private readonly TestSmtpServer smtp = new();
    private AzuriteServer azurite = null!;
    private LocalHostProcess host = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        host = new LocalHostProcess(new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Kto:BureauKeyHash"] = SecretKeys.Hash(bureauKey),
            ["Kto:Mail:Host"] = "127.0.0.1",
            ["Kto:Mail:Port"] = smtp.Port.ToString(),
            ["Kto:Mail:Security"] = "None",
            ["Kto:Mail:MaxPerMinute"] = "100000",
            ["Kto:Mail:MaxPerHour"] = "100000",
            // A claim left by a killed run is live this long (real time), then a later run records it "unknown".
            ["Kto:Mail:ClaimDuration"] = ClaimDuration.ToString(),
            ["Kto:Bureau:Name"] = "Testbureau Onderzoek",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await azurite.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private HttpClient Bureau => host.Client(bureauKey);
    private TableServiceClient Tables => new(azurite.ConnectionString);

    [Fact]
    public async Task An_ingest_killed_midway_ends_with_every_service_once_and_one_receipt()
    {
        const int rows = 20_000;
        var company = await NewCompanyAsync("ing");
        var upload = await Bureau.PostAsync($"/api/deliveries/{company}?name=groot.csv", new ByteArrayContent(Export(company, rows)));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        // Kill as soon as the first services are stored and before the receipt exists: a crash mid-ingest.
        await WaitUntilAsync(async () => await CountAsync(StorageNames.ServicesTable, company, limit: 1) > 0, "first services stored");
        Assert.Equal(HttpStatusCode.NotFound, (await Bureau.GetAsync($"/api/deliveries/{company}/groot.csv/receipt")).StatusCode);
        await host.RestartAfterKillAsync();
        output.WriteLine($"ingest: killed with {await CountAsync(StorageNames.ServicesTable, company)} of {rows} services stored");

        var receipt = await WaitForReceiptAsync(company, "groot.csv");
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(rows, receipt.GetProperty("rows").GetInt32());
        Assert.Equal(rows, receipt.GetProperty("accepted").GetInt32());
        Assert.Equal(rows, await CountAsync(StorageNames.ServicesTable, company));
        Assert.Equal(rows, await CountAsync(StorageNames.ContactsTable, company));
        var ledger = await Tables.GetTableClient(StorageNames.DeliveriesTable).QueryAsync<TableEntity>($"PartitionKey eq '{company}'").ToListAsync();
        Assert.DoesNotContain(ledger, l => l.GetString("Status") == "processing");
        Assert.Equal(1, host.Kills);
    }

    [Fact]
    public async Task A_mail_run_killed_midway_never_mails_a_client_twice()
    {
        const int clients = 600;
        var company = await NewCompanyAsync("mail");
        await DeliverAsync(company, "klanten.csv", Export(company, clients));

        // The run goes on after the request is gone (202); kill the host once some mails reached the server.
        var start = await Bureau.PostAsync($"/api/jobs/send-invitations?at={Uri.EscapeDataString(Tuesday.ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await WaitUntilAsync(() => Task.FromResult(smtp.To($"{company}.test").Count >= 50), "first invitations sent");
        await host.RestartAfterKillAsync();
        var mailedBeforeRestart = smtp.To($"{company}.test").Count;
        Assert.True(mailedBeforeRestart < clients, $"the run finished ({mailedBeforeRestart} mails) before it was killed");

        // Later runs, once a claim left by the crash has expired, finish the job.
        await Task.Delay(ClaimDuration);
        await RunJobAsync("send-invitations", Tuesday.AddHours(1));
        await RunJobAsync("send-invitations", Tuesday.AddHours(2));

        var perAddress = smtp.To($"{company}.test").GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.All(perAddress, g => Assert.Single(g));
        var attempts = await Tables.GetTableClient(StorageNames.AttemptsTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, 2026)}'").ToListAsync();
        var servicesWithAttempt = attempts.Select(a => a.RowKey.Split('_')[0]).Distinct().Count();
        Assert.Equal(clients, servicesWithAttempt);
        // A mail in flight when the host died has an unknown outcome: recorded, never sent again. It may or may not
        // have reached the server before the kill, so every client is either mailed (once) or recorded unknown.
        var unknown = attempts.Count(a => a.GetString("Outcome") == "unknown");
        Assert.InRange(perAddress.Count, clients - unknown, clients);
        Assert.True(unknown <= 20, $"{unknown} unknown outcomes for one crash");
        output.WriteLine($"mail: killed after {mailedBeforeRestart} of {clients} mails; in the end {perAddress.Count} mailed once each, {unknown} unknown, 0 twice");
    }

    [Fact]
    public async Task A_report_run_killed_midway_ends_in_complete_reports_after_a_rerun()
    {
        var companies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var company = await NewCompanyAsync("rep");
            await DeliverAsync(company, "klanten.csv", Export(company, 400));
            companies.Add(company);
        }

        var start = await Bureau.PostAsync("/api/reports/2026", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await host.RestartAfterKillAsync();

        // The local Durable backend is in memory: the run is gone with the host; starting it again is safe.
        var rerun = await Bureau.PostAsync("/api/reports/2026", null);
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        var location = rerun.Headers.Location!.ToString();
        await WaitUntilAsync(async () =>
        {
            var status = await Bureau.GetFromJsonAsync<JsonElement>(location);
            var runtime = status.GetProperty("status").GetString();
            Assert.NotEqual("Failed", runtime);
            return runtime == "Completed";
        }, "report run completed", seconds: 180);

        foreach (var company in companies)
        {
            var figures = await Bureau.GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}/report.json?version=draft");
            var ended = figures.GetProperty("percelen").EnumerateArray().Sum(p => p.GetProperty("figures").GetProperty("ended").GetInt32());
            Assert.Equal(400, ended);
            var pdf = await Bureau.GetAsync($"/api/reports/2026/{company}/report.pdf?version=draft");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        }
    }

    private static byte[] Export(string company, int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++)
            text.Append($"K{i};Sam;Jansen;k{i}@{company}.test;0612345678;{Percelen[i % 4]};{1 + i % 28:00}-0{1 + i % 9}-2026\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<string> NewCompanyAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..16];
        var response = await Bureau.PostAsJsonAsync("/api/companies", new { id, name = "Test " + id });
        response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task DeliverAsync(string company, string file, byte[] content)
    {
        var upload = await Bureau.PostAsync($"/api/deliveries/{company}?name={file}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal("accepted", (await WaitForReceiptAsync(company, file)).GetProperty("status").GetString());
    }

    /// <summary>Starts a mail job (202) and follows its status location to the end, unless the host dies under it.</summary>
    private async Task RunJobAsync(string job, DateTimeOffset at)
    {
        try
        {
            var response = await Bureau.PostAsync($"/api/jobs/{job}?at={Uri.EscapeDataString(at.ToString("O"))}", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var location = response.Headers.Location!.ToString();
            await WaitUntilAsync(async () =>
            {
                var status = (await Bureau.GetFromJsonAsync<JsonElement>(location)).GetProperty("status").GetString();
                return status is "completed" or "failed";
            }, $"{job} run finished", seconds: 120);
        }
        catch (HttpRequestException) { } // the host was killed under the request
    }

    private async Task<JsonElement> WaitForReceiptAsync(string company, string file)
    {
        JsonElement receipt = default;
        await WaitUntilAsync(async () =>
        {
            var response = await Bureau.GetAsync($"/api/deliveries/{company}/{file}/receipt");
            if (!response.IsSuccessStatusCode) return false;
            receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, $"receipt of {file}", seconds: 240);
        return receipt;
    }

    private async Task<int> CountAsync(string table, string company, int? limit = null)
    {
        var count = 0;
        await foreach (var _ in Tables.GetTableClient(table).QueryAsync<TableEntity>(
                           $"PartitionKey eq '{TableKeys.CompanyYear(company, 2026)}'", select: ["RowKey"]))
            if (++count == limit) break;
        return count;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"waited {seconds} s for: {what}");
    }
}
