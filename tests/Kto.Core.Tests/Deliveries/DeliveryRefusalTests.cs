using System.Text;
using Kto.Core.Deliveries;
using Kto.Core.Settings;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Whole files that are refused before anything is stored.</summary>
public class DeliveryRefusalTests
{
    [Fact]
    public void A_file_of_zero_bytes_is_empty()
    {
        var parsed = Parse(new MemoryStream());
        Assert.Equal(DeliveryCodes.EmptyFile, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_file_of_only_blank_lines_has_no_header_and_is_empty()
    {
        var parsed = Parse(Csv("\r\n  \r\n;;\r\n"));
        Assert.Equal(DeliveryCodes.EmptyFile, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public void Headers_without_rows_are_an_empty_file_with_a_clear_message()
    {
        var parsed = Parse(Csv(Header, "", ";;;"));
        var refusal = Assert.IsType<DeliveryIssue>(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.EmptyFile, refusal.Code);
        Assert.Contains("alleen kolomnamen", refusal.Message);
    }

    [Fact]
    public void A_pdf_renamed_to_csv_is_an_unsupported_format()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF");
        var parsed = Parse(new MemoryStream(pdf), "levering.csv");
        var refusal = Assert.IsType<DeliveryIssue>(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.UnsupportedFormat, refusal.Code);
        Assert.Contains("PDF", refusal.Message);
    }

    [Fact]
    public void An_old_excel_file_renamed_to_xlsx_is_an_unsupported_format()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var parsed = Parse(new MemoryStream(xls), "levering.xlsx");
        Assert.Equal(DeliveryCodes.UnsupportedFormat, parsed.Inspection.Refusal?.Code);
    }

    [Theory]
    [InlineData("levering.csv")]
    [InlineData("levering.xlsx")]
    public void Random_binary_garbage_is_unreadable(string fileName)
    {
        var garbage = new byte[20_000];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0x01; // not accidentally a known signature
        var parsed = Parse(new MemoryStream(garbage), fileName);
        Assert.Equal(DeliveryCodes.UnreadableFile, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_damaged_workbook_is_unreadable()
    {
        var workbook = Xlsx(["klantnummer", "perceel", "einddatum"], ["K1", "Naar werk", "15-03-2025"]).ToArray();
        var damaged = workbook[..(workbook.Length / 2)];
        var parsed = Parse(new MemoryStream(damaged), "levering.xlsx");
        Assert.Equal(DeliveryCodes.UnreadableFile, parsed.Inspection.Refusal?.Code);
    }

    [Theory]
    [InlineData("levering.txt")]
    [InlineData("levering.xls")]
    [InlineData("levering.json")]
    [InlineData("levering")]
    public void Other_extensions_are_an_unsupported_format(string fileName)
    {
        var parsed = Parse(Csv(Header, Row()), fileName);
        Assert.Equal(DeliveryCodes.UnsupportedFormat, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_file_above_the_size_limit_is_too_large()
    {
        var parsed = Parse(Csv(Header, Row()), settings: new DeliverySettings { MaxFileBytes = 100 });
        Assert.Equal(DeliveryCodes.FileTooLarge, parsed.Inspection.Refusal?.Code);
    }

    [Theory]
    [InlineData("voornaam;perceel;einddatum", "klantnummer")]
    [InlineData("klantnummer;voornaam;einddatum", "perceel")]
    [InlineData("klantnummer;perceel;startdatum", "einddatum")]
    public void A_missing_required_column_is_named(string header, string missing)
    {
        var parsed = Parse(Csv(header, "a;b;c"));
        var refusal = Assert.IsType<DeliveryIssue>(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.MissingColumn, refusal.Code);
        Assert.Equal(missing, refusal.Column);
        Assert.Contains($"\"{missing}\"", refusal.Message);
    }

    [Fact]
    public void Several_missing_columns_are_all_named()
    {
        var parsed = Parse(Csv("naam;adres", "Jan;Dorpsstraat 1"));
        var refusal = Assert.IsType<DeliveryIssue>(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.MissingColumn, refusal.Code);
        Assert.All(["klantnummer", "perceel", "einddatum"], name => Assert.Contains(name, refusal.Message));
    }

    [Theory]
    [InlineData("BSN")]
    [InlineData("bsn")]
    [InlineData("Burgerservicenummer")]
    [InlineData("Sofi-nummer")]
    [InlineData("sofinummer")]
    [InlineData("B S N")]
    public void A_column_named_bsn_refuses_the_file_without_repeating_values(string name)
    {
        var parsed = Parse(Csv($"klantnummer;{name};perceel;einddatum", "K1;111222333;Naar werk;15-03-2025"));
        var refusal = Assert.IsType<DeliveryIssue>(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.BsnColumn, refusal.Code);
        Assert.Equal(name, refusal.Column);
        Assert.Contains($"De kolom ‘{name}’ bevat", refusal.Message); // the receipt names the column
        Assert.DoesNotContain("111222333", refusal.Message);
        Assert.Equal(1, parsed.Inspection.DataRows); // the rows read are counted, not "0 rijen"
        Assert.Empty(parsed.Rows);
    }

    [Fact]
    public void A_column_of_valid_bsns_under_an_innocent_name_refuses_the_file()
    {
        var parsed = ParseCsv(
            "klantnummer;nummer;perceel;einddatum",
            "K1;111222333;Naar werk;15-03-2025",
            "K2;123456782;Naar werk;15-03-2025",
            "K3;;Naar werk;15-03-2025",
            "K4;12345;Naar werk;15-03-2025");
        var refusal = Assert.IsType<DeliveryIssue>(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.BsnColumn, refusal.Code);
        Assert.Equal("nummer", refusal.Column);
        Assert.Contains("De kolom ‘nummer’ bevat burgerservicenummers", refusal.Message);
        Assert.DoesNotContain("Er is niets", refusal.Message); // the receipt says that once, around the refusal
        Assert.Equal(4, parsed.Inspection.DataRows);
        Assert.DoesNotContain("111222333", refusal.Message);
        Assert.DoesNotContain("123456782", refusal.Message);
    }

    [Fact]
    public void A_single_row_whose_only_value_is_a_bsn_makes_a_bsn_column()
    {
        var parsed = ParseCsv("klantnummer;perceel;einddatum", "123456782;Naar werk;15-03-2025");
        Assert.Equal(DeliveryCodes.BsnColumn, parsed.Inspection.Refusal?.Code);
        Assert.Equal("klantnummer", parsed.Inspection.Refusal?.Column);
    }

    [Fact]
    public void Bsns_with_spaces_or_dots_are_still_a_bsn_column()
    {
        var parsed = ParseCsv(
            "klantnummer;perceel;einddatum;kenmerk",
            "K1;Naar werk;15-03-2025;111 222 333",
            "K2;Naar werk;15-03-2025;123.456.782");
        Assert.Equal(DeliveryCodes.BsnColumn, parsed.Inspection.Refusal?.Code);
        Assert.Equal("kenmerk", parsed.Inspection.Refusal?.Column);
    }

    [Fact]
    public void A_refusal_is_not_a_file_to_read_rows_from()
    {
        var parser = Parser();
        var content = Csv("klantnummer;perceel", "K1;Naar werk");
        var inspection = parser.Inspect(content, "levering.csv");
        Assert.NotNull(inspection.Refusal);
        Assert.Throws<InvalidOperationException>(() => parser.ReadRows(content, "levering.csv", inspection, Today));
    }
}
