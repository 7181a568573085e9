using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>Ingest against a real Azurite: raw files that held a BSN are not kept, hostile files end in a small receipt.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class DeliveryHardeningTests(LocalStack stack)
{
    private BlobServiceClient Blobs => stack.Services.GetRequiredService<BlobServiceClient>();
    private TableServiceClient Tables => stack.Services.GetRequiredService<TableServiceClient>();

    private Task<bool> RawFileKeptAsync(string company, string file) =>
        Blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/{file}").ExistsAsync().ContinueWith(t => t.Result.Value);

    [Fact]
    public async Task An_accepted_file_with_bsns_in_an_ignored_column_is_not_kept_as_raw_file()
    {
        var (company, _) = await stack.NewCompanyAsync();
        // Ten rows, four of them with a valid BSN in a column the contract does not know: not a BSN column (40 %).
        string[] bsns = ["111222333", "123456782", "123-456-782", "=\"111222333\""];
        var lines = new List<string> { Exports.Header + ";opmerking" };
        for (var i = 0; i < 10; i++) lines.Add(Exports.Row($"O{i}") + ";" + (i < 4 ? bsns[i] : "belt liever"));
        var receipt = await stack.DeliverAsync(company, "met-opmerking.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(10, receipt.GetProperty("accepted").GetInt32());
        Assert.Contains(receipt.GetProperty("warnings").EnumerateArray(), w =>
            w.GetProperty("code").GetString() == "ignored-column" && w.GetProperty("column").GetString() == "opmerking");
        Assert.False(await RawFileKeptAsync(company, "met-opmerking.csv"), "the raw file with BSNs in it is still in blob storage");

        // The rule is about BSNs, not about ignored columns: a clean file stays until its retention ends.
        var clean = await stack.DeliverAsync(company, "zonder-bsn.csv", Exports.Csv(Exports.Row("C1"), Exports.Row("C2")));
        Assert.Equal("accepted", clean.GetProperty("status").GetString());
        Assert.True(await RawFileKeptAsync(company, "zonder-bsn.csv"));
    }

    [Fact]
    public async Task A_row_rejected_for_a_bsn_value_also_removes_the_raw_file()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var receipt = await stack.DeliverAsync(company, "een-bsn.csv", Exports.Csv(
            Exports.Row("R1"), Exports.Row("R2"), Exports.Row("123 456 782"), Exports.Row("R4"), Exports.Row("R5")));
        Assert.Equal("accepted", receipt.GetProperty("status").GetString());
        Assert.Equal(4, receipt.GetProperty("accepted").GetInt32());
        Assert.Equal("bsn-value", receipt.GetProperty("rejected").EnumerateArray().Single().GetProperty("code").GetString());
        Assert.False(await RawFileKeptAsync(company, "een-bsn.csv"));
    }

    [Fact]
    public async Task Many_lines_of_1_end_in_a_small_too_many_rows_receipt_and_nothing_stored()
    {
        var (company, _) = await stack.NewCompanyAsync();
        // As large as the test stack's size limit allows (2 MB): 900,000 data lines, nine times the row cap.
        var text = new StringBuilder(Exports.Header + "\n", 1_900_000);
        for (var i = 0; i < 900_000; i++) text.Append("1\n");
        var clock = Stopwatch.StartNew();
        var receipt = await stack.DeliverAsync(company, "enen.csv", Encoding.UTF8.GetBytes(text.ToString()));
        clock.Stop();

        Assert.Equal("refused", receipt.GetProperty("status").GetString());
        Assert.Equal("too-many-rows", receipt.GetProperty("refusal").GetProperty("code").GetString());
        Assert.True(receipt.GetRawText().Length < 2_000, $"receipt of {receipt.GetRawText().Length} characters");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Empty(await Tables.GetTableClient(StorageNames.ServicesTable)
            .QueryAsync<TableEntity>($"PartitionKey eq '{TableKeys.CompanyYear(company, 2026)}'").ToListAsync());
    }

    [Fact]
    public async Task A_file_of_thousands_of_bad_rows_lists_the_first_100_of_each_code_and_counts_them_all()
    {
        var (company, _) = await stack.NewCompanyAsync();
        var rows = Enumerable.Range(0, 3_000).Select(i => Exports.Row($"B{i}", perceel: "Jansen")).ToArray();
        var receipt = await stack.DeliverAsync(company, "slecht.csv", Exports.Csv(rows));

        Assert.Equal(3_000, receipt.GetProperty("rows").GetInt32());
        var rejected = receipt.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(100, rejected.Count);
        Assert.All(rejected, r => Assert.Equal("unknown-perceel", r.GetProperty("code").GetString()));
        Assert.Equal(2, rejected[0].GetProperty("row").GetInt32());
        Assert.Equal(3_000, receipt.GetProperty("counts").GetProperty("unknown-perceel").GetInt32());
        Assert.DoesNotContain("Jansen", receipt.GetRawText());
    }

    [Fact]
    public async Task A_two_kilobyte_workbook_reaching_XFD1048576_gets_its_receipt_in_seconds()
    {
        var (company, _) = await stack.NewCompanyAsync();
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Export");
        string[] header = ["klantnummer", "perceel", "einddatum"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        sheet.Cell(2, 1).Value = "X1";
        sheet.Cell(2, 2).Value = "Naar werk";
        sheet.Cell(2, 3).Value = "15-03-2026";
        sheet.Cell(1_048_576, 16_384).Value = 1;
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var clock = Stopwatch.StartNew();
        var receipt = await stack.DeliverAsync(company, "ver.xlsx", file.ToArray());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal("refused", receipt.GetProperty("status").GetString());
        Assert.Equal("too-many-columns", receipt.GetProperty("refusal").GetProperty("code").GetString());
    }
}
