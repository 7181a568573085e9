using Kto.Core.Deliveries;
using Kto.Core.Settings;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The parser's own edges: file names, where the header may be, the column cap on the header, column names on a receipt, misuse.</summary>
public sealed class DeliveryParserRulesTests
{
    [Fact]
    public void An_extension_in_capitals_is_the_same_extension()
    {
        // Windows users save "LEVERING.CSV": the format is in the extension, not its case.
        Assert.Null(Parse(Csv(Header, Row()), "LEVERING.CSV").Inspection.Refusal);
    }

    [Theory]
    [InlineData("levering.txt", "van het type \".txt\"")]
    [InlineData("levering", "zonder extensie")]
    public void An_unsupported_file_is_told_what_it_was_taken_for(string fileName, string said)
    {
        // The company sees which file type was refused, or that the file had none.
        Assert.Contains(said, Parse(Csv(Header, Row()), fileName).Inspection.Refusal!.Message);
    }

    [Fact]
    public void The_header_is_looked_for_in_the_first_twenty_rows_only()
    {
        // Exports may start with title lines; past twenty rows the file is no delivery and its columns are missing.
        var titles = Enumerable.Range(1, 19).Select(i => $"Titel {i}").ToArray();

        Assert.Null(Parse(Csv([.. titles, Header, Row()])).Inspection.Refusal);
        Assert.Equal(DeliveryCodes.MissingColumn, Parse(Csv([.. titles, "Nog een titel", Header, Row()])).Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_header_of_exactly_the_column_cap_is_read_and_one_name_more_is_refused()
    {
        // The cap counts columns with a value, the header's names included; the cap itself is allowed.
        var settings = new DeliverySettings { MaxColumns = 4 };

        Assert.Null(Parse(Csv("klantnummer;perceel;einddatum;notitie", "K1;Naar werk;15-03-2025;x"), settings: settings).Inspection.Refusal);
        Assert.Equal(DeliveryCodes.TooManyColumns,
            Parse(Csv("klantnummer;perceel;einddatum;notitie;extra", "K1;Naar werk;15-03-2025;x;y"), settings: settings).Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_BSN_column_in_a_file_over_the_row_cap_is_refused_as_a_BSN_column_without_a_row_count()
    {
        // Privacy comes first: the BSN refusal stands, but a count that stopped at the cap is no count, so none is given.
        var settings = new DeliverySettings { MaxRows = 2 };

        var refusal = Parse(Csv("klantnummer;bsn;perceel;einddatum", "K1;1;Naar werk;15-03-2025", "K2;2;Naar werk;15-03-2025", "K3;3;Naar werk;15-03-2025"),
            settings: settings).Inspection;

        Assert.Equal((DeliveryCodes.BsnColumn, 0), (refusal.Refusal?.Code, refusal.DataRows));
    }

    [Fact]
    public void A_receipt_names_a_long_column_by_its_first_fifty_characters_and_a_BSN_like_name_by_its_position()
    {
        // Column names go into receipts kept for years: never a BSN, and never a whole paragraph.
        var longName = "Opmerkingen van de consulent over het verloop van het traject";

        var warnings = Parse(Csv($"{Header};{longName};123456782", Row() + ";x;y")).Inspection.Warnings;

        Assert.Equal([longName[..50] + "…", "kolom 13"], warnings.Select(w => w.Column));
    }

    [Fact]
    public void The_parser_needs_a_seekable_stream_and_its_own_inspection()
    {
        // It reads a file twice, and the second pass needs the first pass's layout: misuse is a programming error.
        var parser = Parser();

        Assert.Throws<ArgumentException>(() => parser.Inspect(new NonSeekable(), "levering.csv"));
        Assert.Throws<ArgumentException>(() => parser.ReadRows(Csv(Header, Row()), "levering.csv", new DeliveryInspection(), Today).ToList());
        using var file = Csv(Header, Row());
        var clients = parser.Inspect(file, "levering.csv");
        Assert.Throws<InvalidOperationException>(() => parser.ReadOpdrachtgevers(file, clients, 2025, Today).ToList());
    }

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
