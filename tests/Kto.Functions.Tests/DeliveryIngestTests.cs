using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Functions.Deliveries;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>The ingest stage end to end: HTTP upload, blob trigger (the local watcher), Table storage, receipt.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class DeliveryIngestTests(LocalStack stack)
{
    private TableServiceClient Tables => stack.Services.GetRequiredService<TableServiceClient>();
    private BlobServiceClient Blobs => stack.Services.GetRequiredService<BlobServiceClient>();

    [Fact]
    public async Task An_export_becomes_ended_services_and_a_receipt()
    {
        var (company, key) = await stack.NewCompanyAsync();
        var receipt = await stack.DeliverAsync(company, "levering-2026-03.csv", Exports.Csv(
            Exports.Row("K1"), Exports.Row("K2", "Werkfit maken"), Exports.Row("K3", "praktijkassessment"), Exports.Row("", "Naar werk")), key);

        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(4, receipt.GetProperty("rows").GetInt32());
        Assert.Equal(3, receipt.GetProperty("accepted").GetInt32());
        var rejected = receipt.GetProperty("rejected").EnumerateArray().Single();
        Assert.Equal(5, rejected.GetProperty("row").GetInt32());
        Assert.Equal("missing-klantnummer", rejected.GetProperty("code").GetString());
        Assert.Equal(3, await CountServicesAsync(company, 2026));

        var progress = await ProgressAsync(company, 2026, key);
        Assert.Equal(1, Ended(progress, "Naar werk"));
        Assert.Equal(1, Ended(progress, "Werkfit maken"));
        Assert.Equal(1, Ended(progress, "Praktijkassessment"));
        Assert.Equal(0, Ended(progress, "Modulaire Re-integratiediensten"));
    }

    [Fact]
    public async Task A_spreadsheet_export_with_date_cells_and_numeric_phones_is_read_like_a_person_typed_it()
    {
        var (company, key) = await stack.NewCompanyAsync("x");
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Export");
        string[] header = ["Cliëntnummer", "Voornaam", "Achternaam", "E-mailadres", "Telefoonnummer", "Perceel", "Datum einde", "Onbekende kolom"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        sheet.Cell(2, 1).Value = 123456;                       // klantnummer stored as a number
        sheet.Cell(2, 2).Value = "Zoë";
        sheet.Cell(2, 3).Value = "Müller";
        sheet.Cell(2, 4).Value = "zoe@example.nl";
        sheet.Cell(2, 5).Value = 612345678;                    // the spreadsheet dropped the leading 0
        sheet.Cell(2, 6).Value = "modulaire re-integratiedienst";
        sheet.Cell(2, 7).Value = new DateTime(2026, 2, 27);    // a real date cell
        sheet.Cell(2, 8).Value = "niet bewaren";
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var receipt = await stack.DeliverAsync(company, "export.xlsx", file.ToArray(), key);

        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(1, receipt.GetProperty("accepted").GetInt32());
        Assert.Contains(receipt.GetProperty("warnings").EnumerateArray(), w =>
            w.GetProperty("code").GetString() == "ignored-column" && w.GetProperty("column").GetString() == "Onbekende kolom");
        var contact = await Tables.GetTableClient(StorageNames.ContactsTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, 2026)}'").SingleAsync();
        Assert.Equal("123456", contact.GetString("Klantnummer"));
        Assert.Equal("0612345678", contact.GetString("Telefoon"));
        Assert.Equal("Zoë", contact.GetString("Voornaam"));
        Assert.DoesNotContain(contact.Keys, k => k.Contains("Onbekend", StringComparison.OrdinalIgnoreCase));
        var service = await Tables.GetTableClient(StorageNames.ServicesTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, 2026)}'").SingleAsync();
        Assert.Equal(("ModulaireReintegratiediensten", "2026-02-27"), (service.GetString("Perceel"), service.GetString("Einddatum")));
    }

    [Fact]
    public async Task A_column_of_nine_digit_klantnummers_that_fail_the_11_proef_is_a_normal_delivery()
    {
        var (company, _) = await stack.NewCompanyAsync();
        // 100000001..100000009: none passes the 11-proef (checked by the parser's own Bsn class in the unit tests).
        var rows = Enumerable.Range(0, 5).Select(i => Exports.Row($"1000000{i:D2}")).Where(r => !Kto.Core.Deliveries.Bsn.IsValid(r[..9])).ToArray();
        var receipt = await stack.DeliverAsync(company, "negen-cijfers.csv", Exports.Csv(rows));
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(rows.Length, receipt.GetProperty("accepted").GetInt32());
        Assert.True(rows.Length >= 4);
    }

    [Fact]
    public async Task The_same_file_delivered_again_under_another_name_is_one_delivery()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var content = Exports.Csv(Exports.Row("A1"), Exports.Row("A2"));
        var first = await stack.DeliverAsync(company, "maart.csv", content);
        var again = await stack.DeliverAsync(company, "maart-opnieuw.csv", content);

        Assert.Equal("accepted", first.GetProperty("status").GetString());
        Assert.Equal("duplicate", again.GetProperty("status").GetString());
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, await CountServicesAsync(company, 2026));
    }

    [Fact]
    public async Task A_service_in_two_files_counts_once()
    {
        var (company, _) = await stack.NewCompanyAsync();
        await stack.DeliverAsync(company, "jan.csv", Exports.Csv(Exports.Row("B1"), Exports.Row("B2")));
        var second = await stack.DeliverAsync(company, "feb.csv", Exports.Csv(Exports.Row("B2"), Exports.Row("B3"), Exports.Row("B3")));

        Assert.Equal(1, second.GetProperty("accepted").GetInt32());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32()); // B2 from January, and B3 twice in this file
        Assert.Equal(3, await CountServicesAsync(company, 2026));
    }

    [Fact]
    public async Task A_trigger_that_fires_twice_for_one_blob_leaves_the_same_state_as_once()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var blob = Blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/dubbel.csv");
        await blob.UploadAsync(new BinaryData(Exports.Csv(Exports.Row("D1"), Exports.Row("D2"), Exports.Row("D1"))));

        var function = ActivatorUtilities.CreateInstance<IngestDeliveryFunction>(stack.Services);
        await function.IngestDelivery(blob, company, "dubbel.csv", CancellationToken.None);
        var once = await stack.WaitForReceiptAsync(company, "dubbel.csv");
        await function.IngestDelivery(blob, company, "dubbel.csv", CancellationToken.None);
        await Task.WhenAll(
            function.IngestDelivery(blob, company, "dubbel.csv", CancellationToken.None),
            function.IngestDelivery(blob, company, "dubbel.csv", CancellationToken.None));
        var twice = await stack.WaitForReceiptAsync(company, "dubbel.csv");

        Assert.Equal("accepted", twice.GetProperty("status").GetString());
        Assert.Equal(once.GetProperty("accepted").GetInt32(), twice.GetProperty("accepted").GetInt32());
        Assert.Equal(2, twice.GetProperty("accepted").GetInt32());
        Assert.Equal(1, twice.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, await CountServicesAsync(company, 2026));
        Assert.Single(await Tables.GetTableClient(StorageNames.DeliveriesTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{company}'").ToListAsync());
    }

    [Fact]
    public async Task A_file_with_a_bsn_column_is_refused_whole_and_nothing_of_it_is_kept()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var content = Encoding.UTF8.GetBytes(
            "klantnummer;bsn;achternaam;email;perceel;einddatum\n" +
            "K1;111222333;Jansen;a@example.nl;Naar werk;01-03-2026\n" +
            "K2;123456782;Pietersen;b@example.nl;Naar werk;02-03-2026\n");
        var receipt = await stack.DeliverAsync(company, "met-bsn.csv", content);

        Assert.Equal("refused", receipt.GetProperty("status").GetString());
        Assert.Equal("bsn-column", receipt.GetProperty("refusal").GetProperty("code").GetString());
        Assert.Equal("bsn", receipt.GetProperty("refusal").GetProperty("column").GetString());
        Assert.Equal(2, receipt.GetProperty("rows").GetInt32()); // the rows read, though none is kept
        var text = receipt.GetRawText();
        Assert.DoesNotContain("111222333", text);
        Assert.DoesNotContain("123456782", text);
        Assert.Equal(0, await CountServicesAsync(company, 2026));
        Assert.False(await Blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/met-bsn.csv").ExistsAsync());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_gets_a_receipt_and_is_not_stored()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var big = new byte[LocalStack.MaxFileBytes + 1024];
        Array.Fill(big, (byte)'x');
        var receipt = await stack.DeliverAsync(company, "te-groot.csv", big);

        Assert.Equal("refused", receipt.GetProperty("status").GetString());
        Assert.Equal("file-too-large", receipt.GetProperty("refusal").GetProperty("code").GetString());
        Assert.False(await Blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/te-groot.csv").ExistsAsync());
        Assert.Equal("refused", (await stack.WaitForReceiptAsync(company, "te-groot.csv")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("leeg.csv", "", "empty-file")]
    [InlineData("alleen-kop.csv", "klantnummer;perceel;einddatum\n", "empty-file")]
    [InlineData("rapport.csv", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "unsupported-format")]
    public async Task Bad_files_get_a_receipt_with_the_right_code_and_the_pipeline_keeps_running(string name, string content, string code)
    {
        var (company, _) = await stack.NewCompanyAsync();
        var receipt = await stack.DeliverAsync(company, name, Encoding.UTF8.GetBytes(content));
        Assert.Equal("refused", receipt.GetProperty("status").GetString());
        Assert.Equal(code, receipt.GetProperty("refusal").GetProperty("code").GetString());

        var next = await stack.DeliverAsync(company, "daarna.csv", Exports.Csv(Exports.Row("OK1")));
        Assert.Equal("accepted", next.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Random_binary_garbage_named_csv_is_refused()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        var receipt = await stack.DeliverAsync(company, "rommel.csv", garbage);
        Assert.Equal("refused", receipt.GetProperty("status").GetString());
        Assert.Contains(receipt.GetProperty("refusal").GetProperty("code").GetString(), new[] { "unreadable-file", "unsupported-format", "missing-column" });
    }

    [Fact]
    public async Task A_file_name_with_a_folder_in_it_is_refused_before_anything_is_stored()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var response = await stack.Bureau().PostAsync($"/api/deliveries/{company}?name=..%2Fother%2Fx.csv", new ByteArrayContent(Exports.Csv(Exports.Row("X"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Uploading_the_same_name_twice_is_a_conflict_that_names_the_fix()
    {
        var (company, _) = await stack.NewCompanyAsync();
        await stack.DeliverAsync(company, "april.csv", Exports.Csv(Exports.Row("E1")));
        var again = await stack.Bureau().PostAsync($"/api/deliveries/{company}?name=april.csv", new ByteArrayContent(Exports.Csv(Exports.Row("E2"))));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("nieuwe naam", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Uploading_for_an_unregistered_company_is_a_404()
    {
        var response = await stack.Bureau().PostAsync("/api/deliveries/nobody-here?name=x.csv", new ByteArrayContent(Exports.Csv(Exports.Row("X"))));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> CountServicesAsync(string company, int year)
    {
        var services = await Tables.GetTableClient(StorageNames.ServicesTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, year)}'").ToListAsync();
        var contacts = await Tables.GetTableClient(StorageNames.ContactsTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, year)}'").ToListAsync();
        Assert.Equal(services.Count, contacts.Count);
        return services.Count;
    }

    private async Task<JsonElement> ProgressAsync(string company, int year, string key)
    {
        var response = await stack.Client(key).GetAsync($"/api/companies/{company}/progress?year={year}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static int Ended(JsonElement progress, string perceel) =>
        progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == perceel).GetProperty("ended").GetInt32();
}
