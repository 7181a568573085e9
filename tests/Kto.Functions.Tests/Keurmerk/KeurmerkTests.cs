using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using ClosedXML.Excel;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>
/// Blik op Werk through the real function classes, Azurite and the SMTP server: a company delivers clients and
/// opdrachtgevers, both are mailed by the one mail job, both answer on the one questionnaire page, and the Keurmerk
/// figures appear in keurmerk.pdf (pdftotext), keurmerk.xlsx and keurmerk.json, and in progress.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class KeurmerkTests(LocalStack stack)
{
    public const string OpdrachtgeverHeader = "organisatie;contactpersoon;email;telefoon;aantal trajecten";

    public static byte[] OpdrachtgeverList(params string[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\n", new[] { OpdrachtgeverHeader }.Concat(rows)) + "\n");

    /// <summary>Opdrachtgever answers: cooperation 9, results 7, agreements kept, reporting yes, reachability no, would commission again.</summary>
    public static Dictionary<string, string> OpdrachtgeverAnswers() => new()
    {
        ["rapportcijfer"] = "9", ["cijfer-resultaten"] = "7", ["afspraken-nagekomen"] = "5", ["rapportage"] = "4",
        ["bereikbaarheid"] = "2", ["opnieuw-opdracht"] = "5", ["open-toelichting"] = "Prettig contact.",
    };

    [Fact]
    public async Task A_company_delivers_clients_and_opdrachtgevers_both_are_mailed_once_both_answer_and_the_keurmerk_figures_appear_in_pdf_xlsx_json_and_progress()
    {
        var (company, _) = await stack.NewCompanyAsync("k");
        var clientDomain = company + ".klant.test";
        var opdrachtgeverDomain = company + ".og.test";
        var einddatum = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var clients = Encoding.UTF8.GetBytes(string.Join("\n",
            "klantnummer;voornaam;achternaam;email;perceel;einddatum;reden beëindiging",
            $"K1;Sam;Jansen;k1@{clientDomain};Naar werk;{einddatum};Werk gevonden",
            $"K2;Ali;Bakker;k2@{clientDomain};Werkfit maken;{einddatum};Voortijdig gestopt") + "\n");
        var opdrachtgevers = OpdrachtgeverList(
            $"UWV Utrecht;Anna de Boer;anna@{opdrachtgeverDomain};0301234567;12",
            $"Gemeente Zeist;Piet Smit;piet@{opdrachtgeverDomain};;3",
            $"Werkgever BV;Kees;kees@{opdrachtgeverDomain};;1");

        var clientReceipt = await stack.DeliverAsync(company, "klanten.csv", clients);
        var listReceipt = await stack.DeliverAsync(company, "opdrachtgevers.csv", opdrachtgevers);
        Assert.Equal(("clients", 2), (clientReceipt.GetProperty("kind").GetString(), clientReceipt.GetProperty("accepted").GetInt32()));
        Assert.Equal(("opdrachtgevers", "accepted", 3), (listReceipt.GetProperty("kind").GetString(), listReceipt.GetProperty("status").GetString(), listReceipt.GetProperty("accepted").GetInt32()));

        await stack.RunJobAsync("send-invitations", Invitations.MailTime);
        await stack.RunJobAsync("send-invitations", Invitations.MailTime); // never twice
        var clientMails = stack.Smtp.To(clientDomain);
        var opdrachtgeverMails = stack.Smtp.To(opdrachtgeverDomain);
        Assert.Equal(2, clientMails.Count);
        Assert.Equal(3, opdrachtgeverMails.Count);
        var anna = opdrachtgeverMails.Single(m => m.To.Mailboxes.Single().Address.StartsWith("anna@"));
        Assert.Contains("samenwerking", anna.Subject);
        Assert.Contains("Beste Anna de Boer", anna.TextBody);
        Assert.Contains("Blik op Werk", anna.TextBody);
        Assert.DoesNotContain("Uw begeleiding", anna.TextBody);
        Assert.NotNull(anna.Headers["List-Unsubscribe"]);

        // A client and Anna answer; Piet opts out with his mail's one-click link; Kees does neither.
        var survey = new SurveyClient(stack);
        var clientToken = Token(clientMails.Single(m => m.To.Mailboxes.Single().Address.StartsWith("k1@")));
        Assert.Equal(HttpStatusCode.OK, (await survey.AnswerAsync(clientToken, SurveyClient.ValidAnswers(8))).Status);
        var annaPage = await survey.GetAsync($"/s?t={Token(anna)}");
        Assert.Contains("Wat vond u van de samenwerking?", annaPage.Html);
        Assert.Contains("cijfer-resultaten", annaPage.Html);
        Assert.DoesNotContain("begeleider-luistert", annaPage.Html);
        Assert.Contains("Onderzoek naar de samenwerking met", annaPage.Html);
        Assert.DoesNotContain("UWV wil weten", annaPage.Html);
        var thanks = await survey.PostSurveyAsync(Token(anna), OpdrachtgeverAnswers().Append(new("_form", annaPage.FormKey!)));
        Assert.Equal(HttpStatusCode.OK, thanks.Status);
        Assert.Contains("Bedankt", thanks.Html);
        var again = await survey.GetAsync($"/s?t={Token(anna)}");
        Assert.Contains("al ingevuld", again.Html); // one answer per opdrachtgever per year
        var piet = opdrachtgeverMails.Single(m => m.To.Mailboxes.Single().Address.StartsWith("piet@"));
        using (var http = new HttpClient())
        {
            var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync((piet.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'), oneClick)).StatusCode);
        }

        // Reminders a week later go to Kees only (and to the client who did not answer).
        var later = Invitations.MailTime.AddDays(8);
        if (later.DayOfWeek == DayOfWeek.Sunday) later = later.AddDays(1);
        await stack.RunJobAsync("send-reminders", later);
        var reminded = stack.Smtp.To(opdrachtgeverDomain).Skip(3).Select(m => m.To.Mailboxes.Single().Address.Split('@')[0]).ToList();
        Assert.Equal(["kees"], reminded);
        Assert.Contains("Herinnering", stack.Smtp.To(opdrachtgeverDomain).Last().Subject);

        // Progress shows opdrachtgever response next to client response.
        using var bureau = stack.Bureau();
        var progress = JsonDocument.Parse(await bureau.GetStringAsync($"/api/companies/{company}/progress?year={Invitations.Year}")).RootElement;
        Assert.Equal(1, progress.GetProperty("percelen").EnumerateArray().Sum(p => p.GetProperty("responded").GetInt32()));
        var og = progress.GetProperty("opdrachtgevers");
        Assert.Equal((3, 3, 1, 9.0), (og.GetProperty("opdrachtgevers").GetInt32(), og.GetProperty("approached").GetInt32(), og.GetProperty("responded").GetInt32(), og.GetProperty("meanGrade").GetDouble()));

        // The Keurmerk report: JSON, XLSX and PDF carry the same figures.
        var json = JsonDocument.Parse(await Download(bureau, company, "keurmerk.json")).RootElement;
        Assert.Equal(8.0, json.GetProperty("clients").GetProperty("meanGrade").GetDouble());
        Assert.Equal((2, 1), (json.GetProperty("clients").GetProperty("ended").GetInt32(), json.GetProperty("clients").GetProperty("responded").GetInt32()));
        var o = json.GetProperty("opdrachtgevers");
        Assert.Equal((3, 16, 1, 9.0, 7.0), (o.GetProperty("opdrachtgevers").GetInt32(), o.GetProperty("trajecten").GetInt32(), o.GetProperty("responded").GetInt32(),
            o.GetProperty("meanGradeCooperation").GetDouble(), o.GetProperty("meanGradeResults").GetDouble()));
        Assert.Equal((1.0, 0.0), (o.GetProperty("wouldCommissionAgain").GetDouble(), o.GetProperty("reachability").GetDouble()));
        var results = json.GetProperty("results");
        Assert.Equal((2, 1, 0.5), (results.GetProperty("completed").GetInt32(), results.GetProperty("successful").GetInt32(), results.GetProperty("successRate").GetDouble()));
        var norms = json.GetProperty("norms").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("met").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["client-satisfaction"] = true, ["opdrachtgever-satisfaction"] = true, ["results"] = true }, norms);

        using (var workbook = new XLWorkbook(new MemoryStream(await Download(bureau, company, "keurmerk.xlsx"))))
        {
            var sheet = workbook.Worksheet("Opdrachtgevers");
            var values = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetDouble());
            Assert.Equal(9.0, values["Cijfer samenwerking"]);
            Assert.Equal(3.0, values["Opdrachtgevers"]);
            Assert.Equal(8.0, workbook.Worksheet("Klanten").RowsUsed().Last().Cell(4).GetDouble());
        }

        var pdf = ReportStack.PdfText(await Download(bureau, company, "keurmerk.pdf"));
        Assert.Contains($"Blik op Werk Keurmerk {Invitations.Year}", pdf);
        Assert.Contains("Tevredenheid opdrachtgevers", pdf);
        Assert.Contains("Cijfer samenwerking 9,00", pdf);
        Assert.Contains("Cijfer resultaten 7,00", pdf);
        Assert.Contains("Alle percelen samen 2 1 8,00", pdf);
        Assert.Contains("Succesvol / afgerond 50,0%", pdf);

        // The company's own key opens its Keurmerk report, another company's key does not.
        var (other, otherKey) = await stack.NewCompanyAsync("x");
        using var otherClient = stack.Client(otherKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.GetAsync($"/api/keurmerk/{Invitations.Year}/{company}/keurmerk.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/keurmerk/{Invitations.Year}/{company}/keurmerk.doc")).StatusCode);
    }

    [Fact]
    public async Task An_opdrachtgever_list_with_a_bsn_column_is_refused_and_its_raw_file_deleted_and_a_bsn_in_a_row_rejects_that_row()
    {
        var (company, _) = await stack.NewCompanyAsync("b");
        var withColumn = Encoding.UTF8.GetBytes("organisatie;contactpersoon;email;kenmerk\nUWV;Anna;anna@og.test;123456782\nGemeente;Piet;piet@og.test;111222333\n");
        var refused = await stack.DeliverAsync(company, "bsn.csv", withColumn);
        Assert.Equal(("refused", "bsn-column", "kenmerk"), (refused.GetProperty("status").GetString(),
            refused.GetProperty("refusal").GetProperty("code").GetString(), refused.GetProperty("refusal").GetProperty("column").GetString()));
        var deliveries = stack.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.DeliveriesContainer);
        Assert.False(await deliveries.GetBlobClient($"{company}/bsn.csv").ExistsAsync());

        // One BSN among three contact persons: under the column share, so the row is rejected, not the file.
        var inRow = OpdrachtgeverList("UWV;123456782;anna@og.test;;2", "Gemeente;Piet;piet@og.test;;1", "Werkgever;Kees;kees@og.test;;1");
        var receipt = await stack.DeliverAsync(company, "rij.csv", inRow);
        Assert.Equal(2, receipt.GetProperty("accepted").GetInt32());
        var rejected = receipt.GetProperty("rejected").EnumerateArray().Single();
        Assert.Equal(("bsn-value", 2, "contactpersoon"), (rejected.GetProperty("code").GetString(), rejected.GetProperty("row").GetInt32(), rejected.GetProperty("column").GetString()));
        Assert.DoesNotContain("123456782", receipt.ToString());
        Assert.False(await deliveries.GetBlobClient($"{company}/rij.csv").ExistsAsync());
    }

    [Fact]
    public async Task The_same_list_twice_is_a_duplicate_delivery_the_same_organisation_is_stored_once_and_bad_rows_get_codes()
    {
        var (company, _) = await stack.NewCompanyAsync("d");
        var list = OpdrachtgeverList("UWV Utrecht;Anna;anna@d.test;;12", ";Zonder;z@d.test;;1", "Gemeente;Piet;piet@d.test;;veel");
        var first = await stack.DeliverAsync(company, "lijst.csv", list);
        Assert.Equal((3, 1), (first.GetProperty("rows").GetInt32(), first.GetProperty("accepted").GetInt32()));
        Assert.Equal(["missing-organisatie", "invalid-aantal-trajecten"], first.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        var copy = await stack.DeliverAsync(company, "lijst-kopie.csv", list);
        Assert.Equal("duplicate", copy.GetProperty("status").GetString());
        Assert.Equal("duplicate-file", copy.GetProperty("warnings").EnumerateArray().Single().GetProperty("code").GetString());

        var sameOrganisation = await stack.DeliverAsync(company, "lijst-juni.csv", OpdrachtgeverList("uwv utrecht;Karin;karin@d.test;;2", "Werkgever BV;Kees;kees@d.test;;1"));
        Assert.Equal((2, 1, 1), (sameOrganisation.GetProperty("rows").GetInt32(), sameOrganisation.GetProperty("accepted").GetInt32(), sameOrganisation.GetProperty("duplicates").GetInt32()));

        using var bureau = stack.Bureau();
        using (var api = stack.Api())
            Assert.Equal(409, (await api.UploadDeliveryAsync(company, "lijst.csv", list)).Status);
        var progress = JsonDocument.Parse(await bureau.GetStringAsync($"/api/companies/{company}/progress?year={Invitations.Year}")).RootElement;
        Assert.Equal(2, progress.GetProperty("opdrachtgevers").GetProperty("opdrachtgevers").GetInt32());
        Assert.Equal(0, progress.GetProperty("percelen").EnumerateArray().Sum(p => p.GetProperty("ended").GetInt32()));
    }

    private static async Task<byte[]> Download(HttpClient client, string company, string file)
    {
        var response = await client.GetAsync($"/api/keurmerk/{Invitations.Year}/{company}/{file}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string Token(MimeKit.MimeMessage mail) => TokenPattern().Match(mail.TextBody ?? "").Groups[1].Value;

    [GeneratedRegex(@"/s\?t=([A-Za-z0-9_-]+)\s")]
    private static partial Regex TokenPattern();
}
