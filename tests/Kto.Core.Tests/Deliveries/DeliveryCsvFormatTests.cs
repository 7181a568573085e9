using System.Text;
using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Separators, quoting and text encodings of CSV deliveries.</summary>
public class DeliveryCsvFormatTests
{
    [Theory]
    [InlineData(";")]
    [InlineData(",")]
    [InlineData("\t")]
    public void Each_separator_is_sniffed_from_the_header(string separator)
    {
        var lines = new[]
        {
            "klantnummer;voornaam;perceel;einddatum;telefoon",
            "K1;Jan;Naar werk;2025-03-15;06-12345678",
            "K2;Els;Werkfit maken;2025-03-16;",
        }.Select(line => line.Replace(";", separator));
        var parsed = ParseCsv([.. lines]);
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Empty(parsed.Inspection.Warnings);
        Assert.Equal(["K1", "K2"], parsed.Rows.Select(r => r.Service?.Klantnummer));
        Assert.Equal("Jan", parsed.Rows[0].Service?.Voornaam);
        Assert.Equal(Perceel.WerkfitMaken, parsed.Rows[1].Service?.Perceel);
    }

    [Fact]
    public void Comma_separated_values_with_semicolons_inside_still_use_the_comma()
    {
        var parsed = ParseCsv(
            "klantnummer,adres,perceel,einddatum",
            "K1,\"Dorpsstraat 1; achterom\",Naar werk,15-03-2025");
        Assert.Equal("Dorpsstraat 1; achterom", parsed.Service.Adres);
    }

    [Fact]
    public void Quoted_fields_may_hold_separators_quotes_and_line_breaks()
    {
        var parsed = Parse(Csv(
            "klantnummer;adres;achternaam;perceel;einddatum\r\n" +
            "K1;\"Dorpsstraat 1;\r\nachterom\";\"Jansen \"\"de Smid\"\"\";Naar werk;15-03-2025\r\n" +
            "K2;Kerkstraat 2;Pietersen;Naar werk;15-03-2025\n"));
        Assert.Equal(2, parsed.Inspection.DataRows);
        Assert.Equal("Dorpsstraat 1;\r\nachterom", parsed.Rows[0].Service?.Adres);
        Assert.Equal("Jansen \"de Smid\"", parsed.Rows[0].Service?.Achternaam);
        // Row numbers count records, as a spreadsheet shows them, not physical lines.
        Assert.Equal([2, 3], parsed.Rows.Select(r => r.Row));
    }

    [Fact]
    public void Unix_and_old_mac_line_endings_are_read()
    {
        var parsed = Parse(Csv("klantnummer;perceel;einddatum\nK1;Naar werk;15-03-2025\rK2;Naar werk;15-03-2025"));
        Assert.Equal(["K1", "K2"], parsed.Rows.Select(r => r.Service?.Klantnummer));
    }

    public static TheoryData<string, byte[]> Encodings()
    {
        const string text = "cliëntnummer;voornaam;achternaam;woonplaats;perceel;einddatum\r\nK1;Zoë;Müller;Hoogezand-Sappemeer;Naar werk;15-03-2025\r\n";
        return new()
        {
            { "UTF-8 without BOM", new UTF8Encoding(false).GetBytes(text) },
            { "UTF-8 with BOM", [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text)] },
            { "Windows-1252", Windows1252.GetBytes(text) },
            { "UTF-16 with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Each_encoding_reads_diacritics_correctly(string encoding, byte[] bytes)
    {
        var parsed = Parse(new MemoryStream(bytes));
        Assert.True(parsed.Inspection.Refusal is null, encoding);
        Assert.Empty(parsed.Inspection.Warnings);
        var service = parsed.Service;
        Assert.Equal("K1", service.Klantnummer);
        Assert.Equal("Zoë", service.Voornaam);
        Assert.Equal("Müller", service.Achternaam);
    }

    [Fact]
    public void Windows_1252_bytes_are_not_valid_utf8_so_the_test_means_something()
    {
        Assert.Throws<DecoderFallbackException>(() =>
            new UTF8Encoding(false, true).GetString(Windows1252.GetBytes("Zoë")));
    }

    [Fact]
    public void A_windows_1252_character_far_into_the_file_still_decides_the_encoding()
    {
        var lines = new List<string> { "klantnummer;achternaam;perceel;einddatum" };
        lines.AddRange(Enumerable.Range(1, 5000).Select(i => $"K{i};Jansen;Naar werk;15-03-2025"));
        lines.Add("K9999;Müller;Naar werk;15-03-2025");
        var parsed = Parse(Csv(string.Join("\r\n", lines), Windows1252));
        Assert.Equal("Müller", parsed.Rows[^1].Service?.Achternaam);
    }

    [Fact]
    public void A_bsn_column_is_found_whatever_the_separator()
    {
        var parsed = ParseCsv("klantnummer\tnummer\tperceel\teinddatum", "K1\t111222333\tNaar werk\t15-03-2025");
        Assert.Equal(DeliveryCodes.BsnColumn, parsed.Inspection.Refusal?.Code);
    }
}
