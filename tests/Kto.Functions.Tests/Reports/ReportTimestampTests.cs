using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text.Json;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Reports.Signing;
using Microsoft.Playwright;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// Issue 25 item 6, the signature gets a time (PAdES B-T): with <c>Kto:Signing:TimestampUrl</c> a host signs through
/// its real routes, and the report's CMS signature carries the token of the timestamp authority (tools/Kto.Tsa, the one
/// <c>./kto up</c> runs, on a free port) over its signature value; pdfsig still validates the signature, /verify shows
/// the time and the authority. An authority that gives no timestamp means nothing is signed.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ReportTimestampTests(LocalStack stack) : IAsyncLifetime
{
    private const string Signer = "Dr. T. Stempel";
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_signature_carries_the_authoritys_token_over_its_signature_value_and_pdfsig_and_verify_show_it()
    {
        await using var tsa = await TestTimestampAuthority.StartAsync();
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?> { ["Kto:Signing:TimestampUrl"] = tsa.Url });
        var (company, draft) = await DraftAsync("ts");

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var response = await host.Client(stack.BureauKey).PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = Signer, conclusion = "Voldoende.", draft });
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var signed = await response.Content.ReadFromJsonAsync<JsonElement>();
        var pdf = await DownloadAsync(stack.Bureau(), company, "report.pdf", "1");

        // The independent verifier: still one valid signature by the bureau (the token is an unsigned attribute).
        var report = Pdfsig.Check(pdf);
        Assert.Contains("Signature #1:", report);
        Assert.DoesNotContain("Signature #2:", report);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains($"Signer Certificate Common Name: {TestSigningCertificate.CommonName}", report);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report);

        // The token as pdfsig -dump writes the signature out: id-aa-signatureTimeStampToken on the SignerInfo, its
        // imprint the SHA-256 of that SignerInfo's signature value, signed by the authority's certificate, at a time within the request.
        var cms = new SignedCms();
        cms.Decode(Pdfsig.DumpFirstSignature(pdf));
        var signerInfo = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        var attribute = Assert.Single(signerInfo.UnsignedAttributes.Cast<CryptographicAttributeObject>());
        Assert.Equal("1.2.840.113549.1.9.16.2.14", attribute.Oid.Value);
        Assert.True(Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _));
        Assert.True(token!.VerifySignatureForSignerInfo(signerInfo, out var authority));
        Assert.Equal(tsa.Certificate.Thumbprint, authority!.Thumbprint);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(signerInfo.GetSignature()), token.TokenInfo.GetMessageHash().ToArray());
        Assert.InRange(token.TokenInfo.Timestamp, before, after);

        // Anyone who checks the file sees the authority's time and name: the API, and the page (axe-clean at 320 and 1280 px).
        var verified = await stack.Client().GetFromJsonAsync<JsonElement>($"/api/verify/{signed.GetProperty("sha256").GetString()}");
        Assert.Equal(token.TokenInfo.Timestamp, verified.GetProperty("timestampedAt").GetDateTimeOffset());
        Assert.Equal(TestTimestampAuthority.CommonName, verified.GetProperty("timestampAuthority").GetString());
        var page = await NewPageAsync();
        await page.GotoAsync($"{stack.BaseUrl}/verify?sha256={signed.GetProperty("sha256").GetString()}");
        var facts = await page.TextContentAsync(".notice.ok");
        var dutch = Kto.Core.DutchTime.ToDutch(token.TokenInfo.Timestamp)
            .ToString("d MMMM yyyy 'om' HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Contains($"Tijdstempel{dutch} (door {TestTimestampAuthority.CommonName})", facts);
        await PageChecks.CheckPhoneAndDesktopAsync(page, "verify-05-timestamp");
    }

    [Fact]
    public async Task Without_a_timestamp_authority_a_signature_has_no_token_and_verify_shows_no_timestamp()
    {
        var (company, draft) = await DraftAsync("bb");
        var response = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = Signer, conclusion = "Voldoende.", draft });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sha256 = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString();
        var pdf = await DownloadAsync(stack.Bureau(), company, "report.pdf", "1");

        Assert.Contains("Signature Validation: Signature is Valid.", Pdfsig.Check(pdf));
        var cms = new SignedCms();
        cms.Decode(Pdfsig.DumpFirstSignature(pdf));
        Assert.Empty(cms.SignerInfos[0].UnsignedAttributes);
        Assert.Null(PdfSignatureTimestamp.Read(pdf));
        var verified = await stack.Client().GetFromJsonAsync<JsonElement>($"/api/verify/{sha256}");
        Assert.Equal(JsonValueKind.Null, verified.GetProperty("timestampedAt").ValueKind);
        var page = await (await stack.Client().GetAsync($"/verify?sha256={sha256}")).Content.ReadAsStringAsync();
        Assert.Contains("Herkend", page);
        Assert.DoesNotContain("Tijdstempel", page);
    }

    [Fact]
    public async Task An_authority_that_gives_no_timestamp_refuses_the_signing_clearly_and_signs_nothing_and_a_retry_signs()
    {
        var (company, draft) = await DraftAsync("tf");
        // Nothing listens on this port: the authority is down.
        var down = $"http://127.0.0.1:{FreePort.Next()}";
        // This answers, but with no timestamp (the local host's health route is no TSA).
        var notATsa = $"{stack.BaseUrl}/api/health";
        foreach (var url in new[] { down, notATsa })
        {
            await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?> { ["Kto:Signing:TimestampUrl"] = url });
            var response = await host.Client(stack.BureauKey).PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = Signer, conclusion = "Voldoende.", draft });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("timestamp-unavailable", body.GetProperty("error").GetString());
            Assert.Contains("niet ondertekend", body.GetProperty("message").GetString());
            var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}");
            Assert.Equal(0, status.GetProperty("versions").GetArrayLength());
        }

        // The authority is back: the same signing (its claim was given up) now makes the report's one version, with a timestamp.
        await using var tsa = await TestTimestampAuthority.StartAsync();
        await using var working = await ExtraHost.StartAsync(stack, new Dictionary<string, string?> { ["Kto:Signing:TimestampUrl"] = tsa.Url });
        var retry = await working.Client(stack.BureauKey).PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = Signer, conclusion = "Voldoende.", draft });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var version = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        // The refused attempts used up their reserved numbers (as a crash does), but left no version behind.
        var versions = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("versions");
        Assert.Equal(version, Assert.Single(versions.EnumerateArray()).GetProperty("version").GetInt32());
        Assert.Equal(TestTimestampAuthority.CommonName, PdfSignatureTimestamp.Read(await DownloadAsync(stack.Bureau(), company, "report.pdf", $"{version}"))!.Authority);
    }

    [Fact]
    public async Task In_the_portal_an_authority_that_gives_no_timestamp_shows_the_refusal_on_the_page_and_signs_nothing()
    {
        var (company, draft) = await DraftAsync("tp");
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?> { ["Kto:Signing:TimestampUrl"] = $"http://127.0.0.1:{FreePort.Next()}" });
        var email = $"tsa-{Guid.NewGuid():N}"[..12] + "@bureau.example.nl";
        await Portal.PortalClient.AddUserAsync(stack, email, null);
        var link = (await (await host.Client(stack.BureauKey).PostAsJsonAsync("/api/users/sign-in-link", new { email }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var signIn = await browser.GetStringAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.PostAsync("/portal/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_csrf"] = Portal.PortalClient.FormToken(signIn), ["t"] = new Uri(link).Query.Split("t=")[1],
        }))).StatusCode);
        var page = await browser.GetStringAsync($"/portal/bureau/reports/{company}?year=2026");

        var response = await browser.PostAsync($"/portal/bureau/reports/{company}/sign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_csrf"] = Portal.PortalClient.FormToken(page), ["year"] = "2026", ["draft"] = draft, ["conclusion"] = "Voldoende.", ["actie"] = "ondertekenen",
        }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("De tijdstempeldienst gaf geen tijdstempel, dus is het rapport niet ondertekend.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}");
        Assert.Equal(0, status.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task A_timestamp_url_that_is_no_http_url_stops_the_host_at_start_up_naming_the_setting()
    {
        var (app, _) = ExtraHost.Build(stack, new Dictionary<string, string?> { ["Kto:Signing:TimestampUrl"] = "tsa.example.nl" });
        try
        {
            var e = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Kto__Signing__TimestampUrl", e.Message);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A new company with a drafted report; its id and the draft's id.</summary>
    private async Task<(string Company, string Draft)> DraftAsync(string prefix)
    {
        var (company, _) = await stack.NewCompanyAsync(prefix);
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("T1"), Exports.Row("T2")));
        await RunReportAsync(stack, company);
        var draft = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("draft").GetProperty("id").GetString()!;
        return (company, draft);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 },
            Locale = "nl-NL",
            BypassCSP = true,
        });
        return await context.NewPageAsync();
    }
}
