using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>
/// The Keurmerk report is drafted, signed and versioned like the UWV report, through the real function classes and
/// Azurite: the signed PDF carries a signature pdfsig validates, signing is idempotent (at once and later), another
/// conclusion is a new version, a replaced draft is refused, and /api/verify and /verify name it as the Keurmerk report.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class KeurmerkSigningTests(LocalStack stack)
{
    private const string Signer = "Dr. Eva van 't Hoen";

    [Fact]
    public async Task A_drafted_keurmerk_report_is_signed_into_a_version_pdfsig_validates_and_verify_names_its_kind_company_year_version_and_signer()
    {
        var (company, key) = await HandComputedCompanyAsync(stack);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync($"/api/keurmerk/2026/{company}")).StatusCode);
        // Drafting is the bureau's: the company's own key may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(key).PostAsync($"/api/keurmerk/2026/{company}", null)).StatusCode);

        var draft = await DraftAsync(company);
        var draftPdf = await DownloadAsync(company, "keurmerk.pdf", "draft");
        Assert.Contains("does not contain any signatures", Pdfsig.Check(draftPdf));
        Assert.Contains("CONCEPT", PdfText(draftPdf));
        // The draft id names exactly the draft's keurmerk.json.
        Assert.Equal(draft, Convert.ToHexStringLower(SHA256.HashData(await DownloadAsync(company, "keurmerk.json", "draft"))));

        var signed = await SignAsync(company, draft, "De normen zijn getoetst.");
        Assert.Equal(HttpStatusCode.Created, signed.Status);
        Assert.Equal(("keurmerk", 1), (signed.Body.GetProperty("kind").GetString(), signed.Body.GetProperty("version").GetInt32()));
        var sha = signed.Body.GetProperty("sha256").GetString()!;

        var pdf = await DownloadAsync(company, "keurmerk.pdf", "1");
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var check = Pdfsig.Check(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", check);
        Assert.Contains($"Signer Certificate Common Name: {TestSigningCertificate.CommonName}", check);
        var text = PdfText(pdf);
        Assert.Contains("De normen zijn getoetst.", text);
        Assert.Contains($"Ondertekend door {Signer}", text);
        Assert.DoesNotContain("CONCEPT", text);
        // The signed version's figures are the draft's (rebuilt from its inputs, not from figures of now).
        var versionJson = JsonDocument.Parse(await DownloadAsync(company, "keurmerk.json", "1")).RootElement;
        var draftJson = JsonDocument.Parse(await DownloadAsync(company, "keurmerk.json", "draft")).RootElement;
        Assert.Equal(draftJson.GetProperty("norms").GetRawText(), versionJson.GetProperty("norms").GetRawText());
        Assert.Equal(Signer, versionJson.GetProperty("signature").GetProperty("signedBy").GetString());

        var verify = await stack.Client().GetFromJsonAsync<JsonElement>($"/api/verify/{sha}");
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.Equal("keurmerk", verify.GetProperty("kind").GetString());
        Assert.Equal(2026, verify.GetProperty("year").GetInt32());
        Assert.Equal(1, verify.GetProperty("version").GetInt32());
        Assert.Equal(Signer, verify.GetProperty("signedBy").GetString());
        Assert.False(string.IsNullOrEmpty(verify.GetProperty("company").GetString()));
        Assert.Contains("Keurmerk-rapport", verify.GetProperty("message").GetString());

        var page = await stack.Client().GetStringAsync($"/verify?sha256={sha}");
        Assert.Contains("Blik op Werk Keurmerk-rapport", page);
        Assert.Contains("Normen van het Keurmerk gehaald", page);
        Assert.DoesNotContain("Controlelijst van UWV in orde", page);

        // The UWV report of the same company is its own report: its versions and verify answer are apart.
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync($"/api/reports/2026/{company}")).StatusCode);
    }

    /// <summary>
    /// Three identical sign requests at once give one version, answered alike and audited once; the same signing later
    /// answers that version again; another conclusion is a new version; a draft replaced since it was opened is refused.
    /// </summary>
    [Fact]
    public async Task Signing_the_keurmerk_draft_is_idempotent_another_conclusion_is_a_new_version_and_a_replaced_draft_is_refused()
    {
        var (company, _) = await HandComputedCompanyAsync(stack);
        var draft = await DraftAsync(company);

        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 3).Select(async _ =>
        {
            await start.WaitAsync();
            return await SignAsync(company, draft, "Akkoord.");
        }).ToList();
        start.Release(3);
        var answers = await Task.WhenAll(requests);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var one = Assert.Single(answers.Select(a => (a.Body.GetProperty("version").GetInt32(), a.Body.GetProperty("sha256").GetString())).Distinct());
        Assert.Equal(1, one.Item1);

        var later = await SignAsync(company, draft, "Akkoord.\r\n");
        Assert.Equal((1, one.Item2), (later.Body.GetProperty("version").GetInt32(), later.Body.GetProperty("sha256").GetString()));
        var other = await SignAsync(company, draft, "Toch een andere conclusie.");
        Assert.Equal(2, other.Body.GetProperty("version").GetInt32());
        Assert.Equal(new[] { 1, 2 }, await VersionsAsync(company));

        var audited = (await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(2000, default))
            .Where(e => e.Company == company && e.Action == AuditActions.ReportSigned).ToList();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.StartsWith("Keurmerk-rapport 2026 versie ", e.Detail));

        // A new draft replaces the one opened: signing the old id signs nothing.
        var replacement = await DraftAsync(company);
        Assert.NotEqual(draft, replacement);
        var stale = await SignAsync(company, draft, "Akkoord.");
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("draft-replaced", stale.Body.GetProperty("error").GetString());
        var empty = await SignAsync(company, replacement, "  ");
        Assert.Equal("conclusion-required", empty.Body.GetProperty("error").GetString());
        Assert.Equal(new[] { 1, 2 }, await VersionsAsync(company));

        // Version 1 still verifies, and says a newer version exists.
        var verify = await stack.Client().GetFromJsonAsync<JsonElement>($"/api/verify/{one.Item2}");
        Assert.Equal((false, 2), (verify.GetProperty("latest").GetBoolean(), verify.GetProperty("latestVersion").GetInt32()));
    }

    private async Task<string> DraftAsync(string company)
    {
        var response = await stack.Bureau().PostAsync($"/api/keurmerk/2026/{company}", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetProperty("id").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SignAsync(string company, string draft, string conclusion)
    {
        var response = await stack.Bureau().PostAsJsonAsync($"/api/keurmerk/2026/{company}/sign", new { signer = Signer, conclusion, draft });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<byte[]> DownloadAsync(string company, string file, string version)
    {
        var response = await stack.Bureau().GetAsync($"/api/keurmerk/2026/{company}/{file}?version={version}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int[]> VersionsAsync(string company) =>
        (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/keurmerk/2026/{company}")).GetProperty("versions").EnumerateArray()
            .Select(v => v.GetProperty("version").GetInt32()).ToArray();
}
