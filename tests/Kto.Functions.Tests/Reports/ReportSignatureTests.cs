using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kto.Functions.Tests.Support;
using Kto.Local;
using Microsoft.Extensions.Configuration;
using static Kto.Functions.Tests.Reports.ReportStack;

namespace Kto.Functions.Tests.Reports;

/// <summary>
/// The signed report's digital signature, checked by an independent verifier (poppler's pdfsig) on the PDF
/// downloaded through the real routes of the local stack, signed with the stack's bureau certificate (a self-signed
/// PFX, <see cref="TestSigningCertificate"/>). pdfsig reports such a certificate as not trusted (unknown issuer):
/// these tests assert the signature validation itself, and that the certificate is the bureau's.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ReportSignatureTests(LocalStack stack)
{
    private const string Signer = "Dr. Eva van 't Hoen";

    [Fact]
    public async Task A_signed_report_carries_a_signature_pdfsig_validates_naming_the_bureau_certificate_the_signer_and_the_time()
    {
        var (company, signed, pdf) = await SignedReportAsync();

        var report = Pdfsig.Check(pdf);
        Assert.Contains("Signature #1:", report);
        Assert.DoesNotContain("Signature #2:", report);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains($"Signer Certificate Common Name: {TestSigningCertificate.CommonName}", report);
        Assert.Contains($"Signer full Distinguished Name: CN={TestSigningCertificate.CommonName}", report);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report);
        Assert.Contains("Signed Ranges: [0 - ", report);
        Assert.Contains("Total document signed", report);
        // Self-signed: pdfsig cannot trust it, which is about the certificate, not the signature.
        Assert.Matches("Certificate Validation: Certificate issuer (is unknown|isn't Trusted)", report);
        // The signing time in the signature is the one the report was signed at (pdfsig prints it in UTC here).
        var signedAt = signed.GetProperty("signedAt").GetDateTimeOffset().ToUniversalTime();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Signing Time: {signedAt:MMM dd yyyy HH:mm:ss}"), report);

        // The visible block on the signature page names the signer, the bureau and the time.
        var text = PdfText(pdf);
        Assert.Contains("Digitaal ondertekend", text);
        Assert.Contains($"Ondertekend door {Signer}", text);
        Assert.Contains("Namens Testbureau Onderzoek", text);
        Assert.Matches(@"Tijdstip \d{1,2} \w+ 2026, \d\d:\d\d", text);
        Assert.Contains(company, text);
    }

    [Fact]
    public async Task One_changed_byte_in_the_signed_pdf_makes_pdfsig_report_the_signature_invalid_and_verify_not_know_it()
    {
        var (_, signed, pdf) = await SignedReportAsync();
        Assert.Contains("Signature Validation: Signature is Valid.", Pdfsig.Check(pdf));

        // One byte in the middle of the rendered document (inside the signed range, before the update that holds the signature).
        var altered = pdf.ToArray();
        var at = FirstEof(pdf) / 2;
        altered[at] ^= 0x01;

        var report = Pdfsig.Check(altered);
        Assert.Contains("Signature #1:", report);
        Assert.DoesNotContain("Signature is Valid.", report);
        Assert.Matches("Signature Validation: (Digest Mismatch|Signature is Invalid)", report);
        Assert.NotEqual(signed.GetProperty("sha256").GetString(), Sha256(altered));
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Client().GetAsync($"/api/verify/{Sha256(altered)}")).StatusCode);
    }

    [Fact]
    public async Task The_signed_file_is_the_one_whose_sha256_is_recorded_and_it_starts_with_the_rendered_pdf_unchanged()
    {
        var (company, signed, pdf) = await SignedReportAsync();

        Assert.Equal(signed.GetProperty("sha256").GetString(), Sha256(pdf));
        var verified = await stack.Client().GetFromJsonAsync<JsonElement>($"/api/verify/{Sha256(pdf)}");
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(1, verified.GetProperty("version").GetInt32());

        // Incremental update: the renderer's file ends at the first %%EOF and is a PDF on its own (no signature);
        // the signature follows it. The report is not rebuilt.
        var rendered = pdf[..FirstEof(pdf)];
        Assert.True(rendered.Length < pdf.Length);
        Assert.Contains("Signature Validation: Signature is Valid.", Pdfsig.Check(pdf));
        Assert.Contains("does not contain any signatures", Pdfsig.Check(rendered));
        Assert.Contains($"Ondertekend door {Signer}", PdfText(rendered));
        Assert.Equal(company, verified.GetProperty("company").GetString()!.Replace("Test Re-integratie ", ""));
    }

    [Fact]
    public async Task A_host_whose_signing_certificate_cannot_be_loaded_does_not_start()
    {
        var app = LocalApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = stack.StorageConnectionString,
            ["Kto:Signing:Source"] = "File",
            ["Kto:Signing:CertificatePath"] = stack.SigningCertificatePath,
            ["Kto:Signing:CertificatePassword"] = "not-the-password",
            ["Local:RunTimers"] = "false",
            ["Logging:LogLevel:Default"] = "None",
            ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        }));
        try
        {
            await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => app.StartAsync());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A company with a drafted report, signed once through the bureau's route; the response and the downloaded PDF.</summary>
    private async Task<(string Company, JsonElement Signed, byte[] Pdf)> SignedReportAsync()
    {
        var (company, _) = await stack.NewCompanyAsync("g");
        await RunReportAsync(stack, company);
        var draft = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("draft").GetProperty("id").GetString();
        var response = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = Signer, conclusion = "Voldoende.", draft });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var signed = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (company, signed, await DownloadAsync(stack.Bureau(), company, "report.pdf", "1"));
    }

    /// <summary>The length of the file up to and including the first <c>%%EOF</c> line: the PDF as the renderer wrote it.</summary>
    private static int FirstEof(byte[] pdf)
    {
        var at = pdf.AsSpan().IndexOf("%%EOF"u8);
        Assert.True(at > 0);
        var end = at + 5;
        while (end < pdf.Length && pdf[end] is (byte)'\n' or (byte)'\r') end++;
        return end;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
