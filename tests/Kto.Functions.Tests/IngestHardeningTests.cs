using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>
/// Ingest when things go wrong (issue 11, items 1, 2 and 10): a storage fault part way, a cell no rule foresaw,
/// a slow file of another company, and end dates from long ago. Real Azurite, the real watcher, the real SMTP server;
/// faults come from <see cref="DeliveryFaults"/> in front of the real store.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class IngestHardeningTests(LocalStack stack)
{
    private TableServiceClient Tables => stack.Services.GetRequiredService<TableServiceClient>();
    private BlobServiceClient Blobs => stack.Services.GetRequiredService<BlobServiceClient>();

    [Fact]
    public async Task A_fault_after_the_first_batch_ends_in_a_receipt_and_a_re_upload_keeps_every_invited_client_as_it_was()
    {
        var (company, key) = await stack.NewCompanyAsync("f");
        var domain = company + ".test";
        var einddatum = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var content = Exports.Csv(Enumerable.Range(1, 110).Select(i => $"k{i:D3};Sam;K{i};k{i:D3}@{domain};0612345678;Naar werk;{einddatum}").ToArray());

        // Storage fails on every insert after the first batch, on every run.
        stack.Faults.BeforeInsert(company, n => n >= 2 ? throw new RequestFailedException(503, "injected storage fault") : Task.CompletedTask);
        var failed = await stack.DeliverAsync(company, "export.csv", content, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal("refused", failed.GetProperty("status").GetString());
        Assert.Equal("ingest-failed", failed.GetProperty("refusal").GetProperty("code").GetString());
        Assert.Equal(5, stack.Faults.Runs(company));
        var ledger = Assert.Single(await Tables.GetTableClient(StorageNames.DeliveriesTable).QueryAsync<TableEntity>($"PartitionKey eq '{company}'").ToListAsync());
        Assert.Equal(("failed", 5), (ledger.GetString("Status"), ledger.GetInt32("Attempts")));
        Assert.False(await Blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/export.csv").ExistsAsync());
        Assert.Contains(stack.Logs.Lines, l => l.StartsWith("Error") && l.Contains(company) && l.Contains("export.csv"));
        Assert.Equal(100, await CountAsync(StorageNames.ServicesTable, company));

        // Fieldwork goes on with the 100 stored clients: invitations, one opt-out, one answer.
        await stack.RunJobAsync("send-invitations", Invitations.MailTime);
        var tokens = stack.Smtp.To(domain).ToDictionary(m => m.To.Mailboxes.Single().Address.Split('@')[0], m => TokenPattern().Match(m.TextBody ?? "").Groups[1].Value);
        Assert.Equal(100, tokens.Count);
        var optOutLink = stack.Smtp.To(domain).Single(m => m.To.Mailboxes.Single().Address.StartsWith("k007@")).Headers["List-Unsubscribe"]!.Trim('<', '>');
        var optOut = await stack.Client().PostAsync(optOutLink, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        Assert.Contains("Bedankt", (await new SurveyClient(stack).AnswerAsync(tokens["k008"], SurveyClient.ValidAnswers(9))).Html);
        Assert.Equal((100, 100, 1), await ProgressAsync(company, key));

        // What a company does when no receipt comes: the same bytes again under another name, now without a fault.
        stack.Faults.Clear(company);
        var again = await stack.DeliverAsync(company, "export-opnieuw.csv", content);
        Assert.Equal("accepted", again.GetProperty("status").GetString());
        Assert.Equal((110, 110, 0), (again.GetProperty("rows").GetInt32(), again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal((110, 100, 1), await ProgressAsync(company, key));

        // Only the ten new clients are mailed; nobody twice, the opt-out stands.
        await stack.RunJobAsync("send-invitations", Invitations.MailTime.AddMinutes(20));
        var invitations = stack.Smtp.To(domain).Select(m => m.To.Mailboxes.Single().Address.Split('@')[0]).ToList();
        Assert.Equal(110, invitations.Count);
        Assert.Equal(110, invitations.Distinct().Count());
        Assert.Contains("U bent afgemeld", (await new SurveyClient(stack).GetAsync($"/s?t={tokens["k007"]}")).Html);
        Assert.Equal((110, 110, 1), await ProgressAsync(company, key));

        // A third upload of the same bytes is a duplicate and changes nothing.
        var third = await stack.DeliverAsync(company, "export-derde.csv", content);
        Assert.Equal("duplicate", third.GetProperty("status").GetString());
        await stack.RunJobAsync("send-invitations", Invitations.MailTime.AddMinutes(40));
        Assert.Equal(110, stack.Smtp.To(domain).Count);
        Assert.Equal((110, 110, 1), await ProgressAsync(company, key));
    }

    [Fact]
    public async Task A_fault_that_passes_is_retried_and_the_file_gets_one_accepted_receipt()
    {
        var (company, _) = await stack.NewCompanyAsync("f");
        var content = Exports.Csv(Enumerable.Range(1, 110).Select(i => Exports.Row($"T{i:D3}")).ToArray());
        stack.Faults.BeforeInsert(company, n => n == 2 ? throw new RequestFailedException(503, "injected storage fault") : Task.CompletedTask);

        var receipt = await stack.DeliverAsync(company, "eenmalig.csv", content);

        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(110, receipt.GetProperty("accepted").GetInt32());
        Assert.Equal(2, stack.Faults.Runs(company));
        Assert.Equal(110, await CountAsync(StorageNames.ServicesTable, company));
        var ledger = Assert.Single(await Tables.GetTableClient(StorageNames.DeliveriesTable).QueryAsync<TableEntity>($"PartitionKey eq '{company}'").ToListAsync());
        Assert.Equal(("done", 2), (ledger.GetString("Status"), ledger.GetInt32("Attempts")));
    }

    [Fact]
    public async Task A_date_cell_holding_NaN_rejects_its_row_and_the_rest_of_the_file_is_stored()
    {
        var (company, _) = await stack.NewCompanyAsync("n");
        var receipt = await stack.DeliverAsync(company, "nan.xlsx", WorkbookWithNaNDate(rows: 110, nanRow: 102), timeout: TimeSpan.FromSeconds(60));

        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal((110, 109), (receipt.GetProperty("rows").GetInt32(), receipt.GetProperty("accepted").GetInt32()));
        var rejected = Assert.Single(receipt.GetProperty("rejected").EnumerateArray());
        Assert.Equal((102, "invalid-date"), (rejected.GetProperty("row").GetInt32(), rejected.GetProperty("code").GetString()));
        Assert.Equal(109, await CountAsync(StorageNames.ServicesTable, company));
    }

    [Fact]
    public async Task A_slow_file_of_one_company_does_not_hold_up_another_companys_file()
    {
        var (slow, _) = await stack.NewCompanyAsync("a");
        var (quick, _) = await stack.NewCompanyAsync("b");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stack.Faults.BeforeInsert(slow, _ => gate.Task);
        try
        {
            await stack.UploadAsync(slow, "groot.csv", Exports.Csv(Exports.Row("S1"), Exports.Row("S2")));
            await WaitUntilAsync(() => stack.Faults.Inserts(slow) == 1);

            var receipt = await stack.DeliverAsync(quick, "klein.csv", Exports.Csv(Exports.Row("Q1")), timeout: TimeSpan.FromSeconds(20));
            Assert.Equal("accepted", receipt.GetProperty("status").GetString());
            var pending = await stack.Bureau().GetAsync($"/api/deliveries/{slow}/groot.csv/receipt");
            Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
        }
        finally
        {
            gate.TrySetResult();
        }
        Assert.Equal("accepted", (await stack.WaitForReceiptAsync(slow, "groot.csv")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_run_that_dies_after_a_file_with_a_bsn_was_deleted_still_ends_in_a_receipt()
    {
        var (company, _) = await stack.NewCompanyAsync("z");
        var einddatum = Invitations.Einddatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        // A BSN in an ignored column: the raw file is deleted as soon as the first pass saw it.
        var rows = Enumerable.Range(1, 110).Select(i => $"z{i:D3};Sam;Z{i};z{i:D3}@example.nl;0612345678;Naar werk;{einddatum};{(i == 3 ? "123456782" : "geen bijzonderheden")}");
        var content = Encoding.UTF8.GetBytes(string.Join("\n", [Exports.Header + ";opmerking", .. rows]) + "\n");
        stack.Faults.BeforeInsert(company, n => n >= 2 ? throw new RequestFailedException(503, "injected storage fault") : Task.CompletedTask);

        var upload = await stack.Bureau().PostAsync($"/api/deliveries/{company}?name=met-bsn.csv", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        await WaitUntilAsync(() => stack.Faults.Runs(company) == 1 && stack.Faults.Inserts(company) >= 2);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the watcher's retries find no blob: nothing can run it again

        var ledger = Tables.GetTableClient(StorageNames.DeliveriesTable);
        Assert.Equal("processing", (await ledger.QueryAsync<TableEntity>($"PartitionKey eq '{company}'").SingleAsync()).GetString("Status"));
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync($"/api/deliveries/{company}/met-bsn.csv/receipt")).StatusCode);
        Assert.False(await Blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/met-bsn.csv").ExistsAsync());

        var ingest = stack.Services.GetRequiredService<Kto.Core.Deliveries.DeliveryIngestService>();
        Assert.Equal(0, await ingest.FinishStalledAsync(DateTimeOffset.UtcNow, CancellationToken.None)); // not stalled yet
        Assert.True(await ingest.FinishStalledAsync(DateTimeOffset.UtcNow.AddHours(2), CancellationToken.None) >= 1);

        var receipt = await stack.WaitForReceiptAsync(company, "met-bsn.csv");
        Assert.Equal(("refused", "ingest-failed"), (receipt.GetProperty("status").GetString(), receipt.GetProperty("refusal").GetProperty("code").GetString()));
        Assert.Equal("failed", (await ledger.QueryAsync<TableEntity>($"PartitionKey eq '{company}'").SingleAsync()).GetString("Status"));
        stack.Faults.Clear(company);

        // The bureau sees it without Azure: "Aandacht nodig" on its overview names the file and links to the deliveries.
        var bureauEmail = $"aandacht-{Guid.NewGuid():N}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var bureau = new PortalClient(stack);
        await bureau.SignInAsync(bureauEmail);
        var overview = await bureau.Http.GetStringAsync("/portal/bureau");
        Assert.Matches($@"<li data-kind=""IngestFailed"">Levering met-bsn\.csv van [^<]+ is niet verwerkt <span class=""muted"">\(sinds [^)]+\)</span> · <a href=""/portal/companies/{company}"">Bekijken</a></li>", overview);
        Assert.Contains("<li data-kind=\"BackupMissing\">Er is geen back-upopslag ingesteld", overview); // the test stack has no backup account
    }

    [Fact]
    public async Task An_einddatum_before_the_previous_measurement_year_is_rejected_as_too_old()
    {
        var (company, _) = await stack.NewCompanyAsync("o");
        var thisYear = Kto.Core.DutchTime.Today(TimeProvider.System).Year;
        var receipt = await stack.DeliverAsync(company, "oud.csv", Exports.Csv(
            Exports.Row("V1", einddatum: $"15-03-{thisYear - 1}"),
            Exports.Row("V2", einddatum: $"31-12-{thisYear - 2}"),
            Exports.Row("V3", einddatum: "15-06-2016"),
            Exports.Row("V4", einddatum: "01-01-1900")));

        Assert.Equal(1, receipt.GetProperty("accepted").GetInt32());
        var rejected = receipt.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([3, 4, 5], rejected.Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(rejected, r => Assert.Equal(("einddatum-too-old", "einddatum"), (r.GetProperty("code").GetString(), r.GetProperty("column").GetString())));
        Assert.Equal(0, await CountAsync(StorageNames.ServicesTable, company, 2016) + await CountAsync(StorageNames.ServicesTable, company, 1900));
    }

    /// <summary>An export whose einddatum cells are real dates, except one number cell whose value is NaN.</summary>
    private static byte[] WorkbookWithNaNDate(int rows, int nanRow)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Export");
        string[] header = ["klantnummer", "achternaam", "email", "perceel", "einddatum"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        for (var r = 2; r <= rows + 1; r++)
        {
            sheet.Cell(r, 1).Value = $"N{r:D3}";
            sheet.Cell(r, 2).Value = "Jansen";
            sheet.Cell(r, 3).Value = $"n{r}@example.nl";
            sheet.Cell(r, 4).Value = "Naar werk";
            sheet.Cell(r, 5).Value = Invitations.Einddatum.ToDateTime(TimeOnly.MinValue);
        }
        sheet.Cell(nanRow, 5).Value = 12345.678; // replaced by NaN in the XML below: no spreadsheet API writes one
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        using var zip = new ZipArchive(saved, ZipArchiveMode.Update, leaveOpen: true);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
        Assert.Contains(">12345.678<", xml);
        entry.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false)))
            writer.Write(xml.Replace(">12345.678<", ">NaN<"));
        zip.Dispose();
        return saved.ToArray();
    }

    private async Task<int> CountAsync(string table, string company, int? year = null) =>
        (await Tables.GetTableClient(table)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, year ?? Invitations.Year)}'").ToListAsync()).Count;

    /// <summary>Ended, approached and responded of Naar werk in the year of <see cref="Invitations.Einddatum"/>.</summary>
    private async Task<(int Ended, int Approached, int Responded)> ProgressAsync(string company, string key)
    {
        var response = await stack.Client(key).GetAsync($"/api/companies/{company}/progress?year={Invitations.Year}");
        response.EnsureSuccessStatusCode();
        var perceel = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        return (perceel.GetProperty("ended").GetInt32(), perceel.GetProperty("approached").GetInt32(), perceel.GetProperty("responded").GetInt32());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not reached");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"/s\?t=([A-Za-z0-9_-]+)\s")]
    private static partial Regex TokenPattern();
}
