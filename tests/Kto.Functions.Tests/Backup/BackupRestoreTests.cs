using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Functions.Tests.Letters;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Backup;

namespace Kto.Functions.Tests.Backup;

/// <summary>
/// The proof of issue 23: a year built through the real function classes on one Azurite (deliveries, mails, answers
/// by web and phone, a letter batch, a signed report), backed up with ./kto backup, restored with ./kto restore into
/// a fresh Azurite and a new data folder, and a host started on it with the restored keys: the same progress per
/// perceel, the signed report recognised by /api/verify and /verify, an open client's link and a printed letter
/// code still opening the questionnaire, an answered one still refused, a new draft with the same figures. A damaged
/// snapshot (one changed byte, one missing file) and a wrong passphrase are refused, naming the file, and write nothing.
/// </summary>
public sealed partial class BackupRestoreTests
{
    private const string Passphrase = "paard-batterij-nietje-correct";

    [Fact]
    public async Task A_year_backed_up_and_restored_into_a_fresh_stack_shows_the_same_work_and_its_codes_and_signature_still_hold()
    {
        using var keysA = KeyFolder.WithNewKeys();
        using var keysB = new KeyFolder();
        var snapshot = Path.Combine(TestTemp.Folder("kto-backup-"), "b");
        var passphraseFile = BackupCli.PassphraseFile(Passphrase);
        var wrongPassphraseFile = BackupCli.PassphraseFile("not-the-right-passphrase");

        await using var azuriteA = await AzuriteServer.StartAsync();
        await using var azuriteB = await AzuriteServer.StartAsync();

        // --- a year on stack A ---
        Year year;
        var stackA = await LocalStack.StartOnAsync(azuriteA, keysA.Settings());
        try { year = await BuildYearAsync(stackA); }
        finally { await stackA.DisposeAsync(); }

        // --- ./kto backup ---
        var backup = await BackupCli.RunAsync(azuriteA.ConnectionString, keysA.Path, "backup", "--out", snapshot, "--passphrase-file", passphraseFile);
        Assert.True(backup.Exit == 0, backup.Stderr);
        var written = JsonDocument.Parse(backup.Stdout).RootElement;
        Assert.True(written.GetProperty("tables").GetProperty("services").GetInt64() >= 4);
        Assert.Equal(1, written.GetProperty("signedReports").GetInt32());
        Assert.Equal(3, written.GetProperty("keys").GetArrayLength());
        Assert.False(File.ReadAllText(Path.Combine(snapshot, "keys", "local-keys.bin"), Encoding.Latin1)
            .Contains(File.ReadAllText(keysA.File(LocalKeyFolder.SurveyFormKey))), "the keys are sealed, not copied");

        // --- damaged snapshots and a wrong passphrase are refused before anything is written ---
        var changed = BackupCli.Copy(snapshot);
        var servicesFile = Path.Combine(changed, "tables", "services.jsonl");
        var bytes = File.ReadAllBytes(servicesFile);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(servicesFile, bytes);
        var refused = await BackupCli.RunAsync(azuriteB.ConnectionString, keysB.Path, "restore", changed, "--passphrase-file", passphraseFile);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("tables/services.jsonl was changed", refused.Stderr);

        var missing = BackupCli.Copy(snapshot);
        var signedPdf = Directory.EnumerateFiles(Path.Combine(missing, "blobs", "reports"), "report.pdf", SearchOption.AllDirectories)
            .Single(f => f.Contains($"{Path.DirectorySeparatorChar}v1{Path.DirectorySeparatorChar}"));
        File.Delete(signedPdf);
        refused = await BackupCli.RunAsync(azuriteB.ConnectionString, keysB.Path, "restore", missing, "--passphrase-file", passphraseFile);
        Assert.Equal(1, refused.Exit);
        Assert.Contains(Path.GetRelativePath(missing, signedPdf).Replace('\\', '/') + " is missing", refused.Stderr);

        refused = await BackupCli.RunAsync(azuriteB.ConnectionString, keysB.Path, "restore", snapshot, "--passphrase-file", wrongPassphraseFile);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("does not open with this passphrase", refused.Stderr);
        Assert.Empty(Directory.EnumerateFiles(keysB.Path, "*", SearchOption.AllDirectories));

        // --- ./kto restore into the fresh Azurite (it was left empty by the refusals) ---
        var restore = await BackupCli.RunAsync(azuriteB.ConnectionString, keysB.Path, "restore", snapshot, "--passphrase-file", passphraseFile);
        Assert.True(restore.Exit == 0, restore.Stderr);
        var restored = JsonDocument.Parse(restore.Stdout).RootElement;
        Assert.Equal(written.GetProperty("tables").GetRawText(), restored.GetProperty("tables").GetRawText());
        Assert.Equal(written.GetProperty("containers").GetRawText(), restored.GetProperty("containers").GetRawText());
        foreach (var key in new[] { LocalKeyFolder.SurveyFormKey, LocalKeyFolder.PortalSessionKey, LocalKeyFolder.SigningCertificate })
            Assert.Equal(File.ReadAllBytes(keysA.File(key)), File.ReadAllBytes(keysB.File(key)));

        // A second restore finds the stack holding data and refuses without --force.
        var again = await BackupCli.RunAsync(azuriteB.ConnectionString, keysB.Path, "restore", snapshot, "--passphrase-file", passphraseFile);
        Assert.Equal(1, again.Exit);
        Assert.Contains("table companies holds data", again.Stderr);

        // --- a host on the restored stack, with the restored keys (./kto up again) ---
        var stackB = await LocalStack.StartOnAsync(azuriteB, keysB.Settings());
        try
        {
            using var api = stackB.Api();
            var progress = (await api.GetProgressAsync(year.Company, year.Number)).Json();
            Assert.Equal(year.Progress, progress.GetProperty("percelen").GetRawText());

            // The signed report: the same bytes, recognised by the API and the page.
            var (status, pdf) = await api.DownloadAsync($"/api/reports/{year.Number}/{year.Company}/report.pdf?version=1");
            Assert.Equal(200, status);
            Assert.Equal(year.SignedSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
            using var anonymous = stackB.Client();
            var verified = await anonymous.GetFromJsonAsync<JsonElement>($"/api/verify/{year.SignedSha256}");
            Assert.Equal(1, verified.GetProperty("version").GetInt32());
            var page = await anonymous.GetStringAsync($"/verify?sha256={year.SignedSha256}");
            Assert.Contains("Herkend", page);
            Assert.Contains(WebUtility.HtmlEncode("Dr. J. de Wit"), page);

            // An open client's mailed link and a printed letter code still open the questionnaire; an answered client's link does not.
            var survey = new SurveyClient(stackB);
            var open = await survey.GetAsync($"/s?t={year.OpenToken}");
            Assert.Equal(HttpStatusCode.OK, open.Status);
            Assert.Contains("name=\"rapportcijfer\"", open.Html);
            var answered = await survey.GetAsync($"/s?t={year.AnsweredToken}");
            Assert.Contains("al ingevuld", answered.Html);
            Assert.DoesNotContain("name=\"rapportcijfer\"", answered.Html);
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(stackB.BaseUrl) };
            var byCode = await browser.PostAsync("/k", new FormUrlEncodedContent([new("code", year.LetterCode)]));
            Assert.Equal(HttpStatusCode.SeeOther, byCode.StatusCode);
            var viaCode = await survey.GetAsync(byCode.Headers.Location!.OriginalString);
            Assert.Contains("name=\"rapportcijfer\"", viaCode.Html);

            // A new draft on the restored stack has the figures of the old one.
            await ReportStack.RunReportAsync(stackB, year.Company, year.Number);
            Assert.Equal(year.DraftFigures, Figures(await ReportStack.DownloadAsync(stackB.Bureau(), year.Company, "report.json", year: year.Number)));
        }
        finally { await stackB.DisposeAsync(); }
    }

    /// <summary>What the year on stack A left to compare: its progress, the signed PDF's hash, links and a letter code.</summary>
    private sealed record Year(string Company, int Number, string Progress, string SignedSha256, string DraftFigures, string OpenToken, string AnsweredToken, string LetterCode);

    private static async Task<Year> BuildYearAsync(LocalStack stack)
    {
        var (company, _) = await stack.NewCompanyAsync("bk");
        var domain = company + ".test";
        var end = Invitations.Einddatum;
        var year = end.Year;
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", LetterBatchTests.Header,
            $"W1;A.;;Web;web@{domain};;;;;Naar werk;{end:dd-MM-yyyy}",
            $"O1;B.;;Open;open@{domain};;;;;Naar werk;{end:dd-MM-yyyy}",
            $"T1;C.;;Telefoon;;0612345678;;;;Werkfit maken;{end:dd-MM-yyyy}",
            $"L1;D.;van;Brief;;;Kerkstraat 1;1234 AB;Utrecht;Naar werk;{end:dd-MM-yyyy}") + "\n");
        var receipt = await stack.DeliverAsync(company, "export.csv", csv);
        Assert.Equal(4, receipt.GetProperty("accepted").GetInt32());

        // Mails: invitations to the two clients with e-mail; one answers online.
        await stack.RunJobAsync("send-invitations", Invitations.MailTime);
        var tokens = stack.Smtp.To(domain).ToDictionary(m => m.To.Mailboxes.Single().Address.Split('@')[0], m => TokenPattern().Match(m.TextBody ?? "").Groups[1].Value);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(HttpStatusCode.OK, (await new SurveyClient(stack).AnswerAsync(tokens["web"], SurveyClient.ValidAnswers(8))).Status);

        // A phone interview.
        using var api = stack.Api();
        var phone = (await api.ListServicesAsync(company, year, "T1")).Json().GetProperty("services")[0].GetProperty("service").GetString()!;
        Assert.Equal(201, (await api.EnterAnswersAsync(company, year, phone, "phone", JsonSerializer.SerializeToElement(SurveyClient.ValidAnswers(6)), "piet@bureau.nl")).Status);

        // A letter batch, posted: its printed code.
        var batch = await api.MakeLetterBatchAndWaitAsync(company, year);
        Assert.Equal("open", batch.JsonString("status"));
        var (pdfStatus, letters) = await api.DownloadAsync(batch.JsonString("pdf")!);
        Assert.Equal(200, pdfStatus);
        var code = LetterBatchTests.CodePattern().Match(LetterPdf.Text(letters, 1)).Value;
        Assert.NotEmpty(code);
        Assert.Equal(200, (await api.MarkLettersPostedAsync(company, batch.JsonString("id")!)).Status);

        // The report, drafted and signed.
        await ReportStack.RunReportAsync(stack, company, year);
        var draft = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/{year}/{company}")).GetProperty("draft").GetProperty("id").GetString();
        var signed = await stack.Bureau().PostAsJsonAsync($"/api/reports/{year}/{company}/sign", new { signer = "Dr. J. de Wit", conclusion = "Goed.", draft });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var sha = (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
        var figures = Figures(await ReportStack.DownloadAsync(stack.Bureau(), company, "report.json", year: year));

        var progress = (await api.GetProgressAsync(company, year)).Json().GetProperty("percelen");
        // The year is what the test claims: answers by web and phone, a letter, every client approached.
        Assert.Equal(2, progress.EnumerateArray().Sum(p => p.GetProperty("responded").GetInt32()));
        Assert.True(progress.EnumerateArray().Sum(p => p.GetProperty("approached").GetInt32()) >= 3, progress.GetRawText());
        return new Year(company, year, progress.GetRawText(), sha, figures, tokens["open"], tokens["web"], code);
    }

    private static string Figures(byte[] json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("percelen").EnumerateArray()
            .Select(p => p.GetProperty("figures").GetRawText()).Aggregate((a, b) => a + "\n" + b);

    [GeneratedRegex(@"/s\?t=([A-Za-z0-9_-]+)\s")]
    private static partial Regex TokenPattern();
}
