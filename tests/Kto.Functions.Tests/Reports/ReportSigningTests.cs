using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Functions.Tests.Support;
using Kto.Core.Accounts;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;
using Microsoft.Extensions.DependencyInjection;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>Signing names the draft that was reviewed, and a crash while signing leaves no half version.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class ReportSigningTests(LocalStack stack)
{
    [Fact]
    public async Task Signing_names_the_reviewed_draft_and_a_draft_replaced_since_is_refused_with_409()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        await RunReportAsync(stack, company);
        var reviewed = await DraftIdAsync(company);
        var reviewedJson = await DownloadAsync(stack.Bureau(), company, "report.json");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(reviewedJson)), reviewed);

        // Without naming the draft: refused, nothing signed.
        var anonymous = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "Dr. J. de Wit", conclusion = "Goed." });
        await AssertErrorAsync(anonymous, HttpStatusCode.BadRequest, "draft-required");

        // The draft is replaced by a new run after the bureau opened it: signing what it reviewed is refused.
        await RunReportAsync(stack, company);
        var replacement = await DraftIdAsync(company);
        Assert.NotEqual(reviewed, replacement);
        var stale = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign",
            new { signer = "Dr. J. de Wit", conclusion = "Goed.", draft = reviewed });
        await AssertErrorAsync(stale, HttpStatusCode.Conflict, "draft-replaced");
        Assert.Empty(await VersionsAsync(company));

        // Naming the current draft signs exactly that draft.
        var signed = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign",
            new { signer = "Dr. J. de Wit", conclusion = "Goed.", draft = replacement });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var signedBody = await signed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, signedBody.GetProperty("version").GetInt32());
        // The signature is in the audit log: the bureau key as actor, the signer named, the hash; the refused ones are not.
        var audit = (await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default))
            .Where(e => e.Company == company && e.Action == AuditActions.ReportSigned).ToList();
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.BureauKey, entry.Actor);
        Assert.Equal($"Rapport 2026 versie 1 ondertekend door Dr. J. de Wit (SHA-256 {signedBody.GetProperty("sha256").GetString()})", entry.Detail);
        var draftFigures = Figures(await DownloadAsync(stack.Bureau(), company, "report.json"));
        Assert.Equal(draftFigures, Figures(await DownloadAsync(stack.Bureau(), company, "report.json", "1")));
    }

    [Fact]
    public async Task A_crash_between_reserving_and_writing_a_version_leaves_nothing_to_download_or_verify()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        await RunReportAsync(stack, company);
        var draft = await DraftIdAsync(company);

        var crashing = new CrashingReportArchive(stack.Services.GetRequiredService<IReportArchive>(),
            stack.Services.GetRequiredService<BlobServiceClient>(), stack.Services.GetRequiredService<TableServiceClient>());
        // The signing service as the host wires it, over the crashing archive (its builder too, so one archive throughout).
        var reportSigning = ActivatorUtilities.CreateInstance<ReportSigningService>(stack.Services, (IReportArchive)crashing,
            ActivatorUtilities.CreateInstance<DraftReportBuilder>(stack.Services, (IReportArchive)crashing));
        await Assert.ThrowsAsync<IOException>(() => reportSigning.SignAsync(company, 2026, draft, "Dr. J. de Wit", "Goed.", CancellationToken.None));
        var half = crashing.ReservedVersion!.Value;

        // The reserved number, its half-written PDF and its verify row are there, but none of it is served.
        Assert.Empty(await VersionsAsync(company));
        foreach (var file in ReportFileNames.All)
            Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync($"/api/reports/2026/{company}/{file}?version={half}")).StatusCode);
        var verify = await stack.Client().GetAsync($"/api/verify/{Convert.ToHexStringLower(SHA256.HashData(crashing.HalfWrittenPdf!))}");
        Assert.Equal(HttpStatusCode.NotFound, verify.StatusCode);

        // Signing again (the bureau retries) gives the next version, whole, downloadable and verifiable.
        var retry = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "Dr. J. de Wit", conclusion = "Goed.", draft });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var version = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal(half + 1, version);
        Assert.Equal([version], await VersionsAsync(company));
        var pdf = await DownloadAsync(stack.Bureau(), company, "report.pdf", version.ToString());
        Assert.Equal(HttpStatusCode.OK, (await stack.Client().GetAsync($"/api/verify/{Convert.ToHexStringLower(SHA256.HashData(pdf))}")).StatusCode);
    }

    /// <summary>
    /// Three identical sign requests at once (a double click, a retried request) give one version, answered alike
    /// and audited once; repeated over fresh drafts, so a race that lets two through shows. Another conclusion is a
    /// new version. Before: three versions each round.
    /// </summary>
    [Fact]
    public async Task Identical_sign_requests_at_once_give_one_version_and_another_conclusion_a_new_one()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        var clients = new[] { stack.Bureau(), stack.Bureau(), stack.Bureau() };
        await AssertRacesGiveOneVersionAsync(company, clients, rounds: 4);
    }

    /// <summary>The same race with two hosts on one Azurite, the requests spread over both: serialised in storage, not in a process.</summary>
    [Fact]
    public async Task Identical_sign_requests_spread_over_two_hosts_give_one_version()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        await using var second = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>());
        var clients = new[] { stack.Bureau(), second.Client(stack.BureauKey), stack.Bureau(), second.Client(stack.BureauKey) };
        await AssertRacesGiveOneVersionAsync(company, clients, rounds: 3);
    }

    private async Task AssertRacesGiveOneVersionAsync(string company, HttpClient[] clients, int rounds)
    {
        var expected = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            // A fresh draft each round (a new run), so every round races on a signing never seen before.
            await RunReportAsync(stack, company);
            var draft = await DraftIdAsync(company);
            var conclusion = $"Akkoord, ronde {round}.";
            using var start = new SemaphoreSlim(0);
            var requests = clients.Select(async client =>
            {
                await start.WaitAsync();
                var response = await client.PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "Dr. J. de Wit", conclusion, draft });
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }).ToList();
            start.Release(clients.Length);
            var answers = await Task.WhenAll(requests);

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
            var versions = answers.Select(a => JsonDocument.Parse(a.Body).RootElement)
                .Select(b => (Version: b.GetProperty("version").GetInt32(), Sha: b.GetProperty("sha256").GetString())).Distinct().ToList();
            var one = Assert.Single(versions);
            expected.Add(one.Version);
            Assert.Equal(expected, await VersionsAsync(company));
        }

        // Each signing is audited once, whichever host or request made it.
        var audited = (await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(2000, default))
            .Count(e => e.Company == company && e.Action == AuditActions.ReportSigned);
        Assert.Equal(rounds, audited);

        // The same draft with another conclusion is a new version; the same again later still answers the first.
        var current = await DraftIdAsync(company);
        var other = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign",
            new { signer = "Dr. J. de Wit", conclusion = "Toch een andere conclusie.", draft = current });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(expected.Last() + 1, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var later = await clients.Last().PostAsJsonAsync($"/api/reports/2026/{company}/sign",
            new { signer = "Dr. J. de Wit", conclusion = $"Akkoord, ronde {rounds - 1}.", draft = current });
        Assert.Equal(expected.Last(), (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        int[] all = [.. expected, expected.Last() + 1];
        Assert.Equal(all, await VersionsAsync(company));
    }

    [Fact]
    public async Task A_sign_request_without_a_conclusion_is_refused_with_400()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        await RunReportAsync(stack, company);
        var draft = await DraftIdAsync(company);

        foreach (var conclusion in new[] { null, "", "  \n " })
        {
            var response = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "Dr. J. de Wit", conclusion, draft });
            await AssertErrorAsync(response, HttpStatusCode.BadRequest, "conclusion-required");
        }
        Assert.Empty(await VersionsAsync(company));
    }

    private async Task<string> DraftIdAsync(string company) =>
        (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("draft").GetProperty("id").GetString()!;

    private async Task<int[]> VersionsAsync(string company) =>
        (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("versions").EnumerateArray()
            .Select(v => v.GetProperty("version").GetInt32()).ToArray();

    private static string Figures(byte[] json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("percelen").EnumerateArray()
            .Select(p => p.GetProperty("figures").GetRawText()).Aggregate((a, b) => a + "\n" + b);

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }
}
