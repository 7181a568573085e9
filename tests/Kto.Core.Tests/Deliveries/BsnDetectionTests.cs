using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// BSNs written the ways spreadsheets and people write them: a column of them refuses the file, a single one rejects
/// its row, and real client numbers of eight or nine digits that fail the 11-proef stay accepted.
/// </summary>
public class BsnDetectionTests
{
    private static readonly object?[] XlsxHeader = ["Klantnummer", "Perceel", "Einddatum"];

    [Fact]
    public void A_klantnummer_stored_as_the_number_12345672_is_bsn_012345672_and_rejects_its_row()
    {
        var parsed = Parse(Xlsx(XlsxHeader,
            ["K1", "Naar werk", "15-03-2025"], [12345672d, "Naar werk", "15-03-2025"], ["K3", "Naar werk", "15-03-2025"]), "levering.xlsx");

        Assert.Null(parsed.Inspection.Refusal);
        var rejection = Assert.Single(parsed.Rows[1].Rejections);
        Assert.Equal(DeliveryCodes.BsnValue, rejection.Code);
        Assert.Null(parsed.Rows[1].Service);
        Assert.NotNull(parsed.Rows[0].Service);
        Assert.NotNull(parsed.Rows[2].Service);
    }

    [Fact]
    public void A_column_of_numbers_that_are_bsns_without_their_leading_zero_refuses_the_workbook()
    {
        // 012345672 and 011222335 pass the 11-proef; as numbers they lose the leading 0.
        var parsed = Parse(Xlsx(XlsxHeader,
            [12345672d, "Naar werk", "15-03-2025"], [11222335d, "Naar werk", "15-03-2025"], ["K3", "Naar werk", "15-03-2025"]), "levering.xlsx");
        Assert.Equal(DeliveryCodes.BsnColumn, parsed.Inspection.Refusal?.Code);
        Assert.Equal("Klantnummer", parsed.Inspection.Refusal?.Column);
    }

    [Theory]
    [InlineData("123-456-782")]
    [InlineData("111-222-333")]
    [InlineData("123.456.782")]
    [InlineData("123\u00A0456\u00A0782")]
    [InlineData("123\u202F456\u202F782")]
    [InlineData("123\u2009456\u2009782")]
    [InlineData("=\"123456782\"")]
    [InlineData("12345672")]
    public void A_single_written_bsn_in_the_klantnummer_column_rejects_its_row(string written)
    {
        var parsed = ParseCsv("klantnummer;perceel;einddatum",
            "K1;Naar werk;15-03-2025", $"{written};Naar werk;15-03-2025", "K3;Naar werk;15-03-2025");
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.BsnValue, Assert.Single(parsed.Rows[1].Rejections).Code);
        Assert.Null(parsed.Rows[1].Service);
        Assert.Equal(2, parsed.Rows.Count(r => r.Service is not null));
    }

    [Theory]
    [InlineData("123-456-782", "111-222-333")]
    [InlineData("123 456 782", "111\u3000222\u3000333")]
    [InlineData("=\"123456782\"", "=\"111222333\"")]
    [InlineData("12345672", "11222335")]
    public void A_column_of_written_bsns_refuses_the_file(string first, string second)
    {
        var parsed = ParseCsv("klantnummer;perceel;einddatum;kenmerk",
            $"K1;Naar werk;15-03-2025;{first}", $"K2;Naar werk;15-03-2025;{second}", "K3;Naar werk;15-03-2025;");
        Assert.Equal(DeliveryCodes.BsnColumn, parsed.Inspection.Refusal?.Code);
        Assert.Equal("kenmerk", parsed.Inspection.Refusal?.Column);
    }

    [Fact]
    public void Eight_and_nine_digit_client_numbers_that_fail_the_11_proef_are_accepted()
    {
        string[] numbers = ["12345678", "87654321", "123456789", "100000001", "20250315"];
        Assert.All(numbers, n => Assert.False(Bsn.IsValid(n.PadLeft(9, '0'))));
        var parsed = ParseCsv(["klantnummer;perceel;einddatum", .. numbers.Select(n => $"{n};Naar werk;15-03-2025")]);
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(numbers, parsed.Rows.Select(r => r.Service?.Klantnummer));

        var workbook = Parse(Xlsx([XlsxHeader, .. numbers.Select(n => new object?[] { double.Parse(n), "Naar werk", "15-03-2025" })]), "levering.xlsx");
        Assert.Null(workbook.Inspection.Refusal);
        Assert.Equal(numbers, workbook.Rows.Select(r => r.Service?.Klantnummer));
    }
}
