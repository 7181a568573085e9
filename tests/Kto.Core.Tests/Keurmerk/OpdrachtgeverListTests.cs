using System.Text;
using Kto.Core.Deliveries;
using Kto.Core.Keurmerk;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>An opdrachtgever list (Blik op Werk) is recognised by its columns and ingested with the same rules as a client export.</summary>
public sealed class OpdrachtgeverListTests
{
    private const string Header = "organisatie;contactpersoon;email;telefoon;aantal trajecten";
    private static readonly DateOnly Today = new(2026, 6, 30);

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

    [Fact]
    public void A_file_with_organisatie_contactpersoon_and_email_and_no_klantnummer_is_an_opdrachtgever_list()
    {
        var parser = new DeliveryParser(new DeliverySettings());
        var inspection = parser.Inspect(Csv(Header, "UWV Utrecht;Anna de Boer;anna@uwv.test;0301234567;12"), "opdrachtgevers.csv");

        Assert.Null(inspection.Refusal);
        Assert.Equal(DeliveryKind.Opdrachtgevers, inspection.Kind);
        Assert.Empty(inspection.Warnings);
    }

    [Fact]
    public void A_client_export_with_an_organisatie_column_stays_a_client_export_and_ignores_that_column()
    {
        var parser = new DeliveryParser(new DeliverySettings());
        var inspection = parser.Inspect(Csv("klantnummer;perceel;einddatum;organisatie;email;contactpersoon", "K1;Naar werk;15-03-2026;UWV;a@b.nl;Anna"), "export.csv");

        Assert.Equal(DeliveryKind.Clients, inspection.Kind);
        Assert.Equal(["organisatie", "contactpersoon"], inspection.Warnings.Where(w => w.Code == DeliveryCodes.IgnoredColumn).Select(w => w.Column));
    }

    [Fact]
    public void An_opdrachtgever_list_without_an_email_column_is_refused_as_missing_column()
    {
        var inspection = new DeliveryParser(new DeliverySettings()).Inspect(Csv("organisatie;contactpersoon;telefoon", "UWV;Anna;0301234567"), "o.csv");
        // Without the e-mail column it is no opdrachtgever list; read as a client export it lacks the client columns.
        Assert.Equal(DeliveryCodes.MissingColumn, inspection.Refusal?.Code);
    }

    [Fact]
    public void Bad_rows_are_answered_with_a_code_and_good_rows_are_read_with_the_year_of_the_delivery_or_their_jaar()
    {
        var parser = new DeliveryParser(new DeliverySettings());
        using var file = Csv("organisatie;contactpersoon;email;aantal trajecten;jaar",
            "Gemeente Utrecht;Piet;piet@utrecht.test;4;",
            ";Anna;anna@x.test;2;2026",
            "UWV;Anna;anna@uwv.test;veel;2026",
            "Werkgever BV;Kees;kees@bv.test;1;2019",
            "Stichting A;123456782;a@a.test;1;2026",
            "Stichting B;Bea;geen-adres;3;2025");
        var inspection = parser.Inspect(file, "o.csv");
        file.Position = 0;
        var rows = parser.ReadOpdrachtgevers(file, inspection, 2026, Today).ToList();

        Assert.Equal(2026, rows[0].Opdrachtgever!.Year);
        Assert.Equal(4, rows[0].Opdrachtgever!.AantalTrajecten);
        Assert.Equal(DeliveryCodes.MissingOrganisatie, Assert.Single(rows[1].Rejections).Code);
        Assert.Equal(DeliveryCodes.InvalidAantalTrajecten, Assert.Single(rows[2].Rejections).Code);
        Assert.Equal(DeliveryCodes.InvalidJaar, Assert.Single(rows[3].Rejections).Code);
        Assert.Equal(DeliveryCodes.BsnValue, Assert.Single(rows[4].Rejections).Code);
        Assert.Equal(2025, rows[5].Opdrachtgever!.Year);
        Assert.Null(rows[5].Opdrachtgever!.Email);
        Assert.Equal(DeliveryCodes.InvalidEmail, Assert.Single(rows[5].Warnings).Code);
        Assert.True(inspection.ContainsBsn);
    }

    [Fact]
    public void Without_an_email_the_receipt_names_the_ways_left_a_letter_needs_the_address_a_call_the_phone()
    {
        var parser = new DeliveryParser(new DeliverySettings());
        using var file = Csv("organisatie;contactpersoon;email;telefoon;adres;postcode;woonplaats",
            "Werkgever BV;Kees;;0301234567;Stationsplein 1;3511 AB;Utrecht",
            "Gemeente Zeist;Els;;;Slotlaan 1;3701 GB;Zeist",
            "UWV Utrecht;Anna;;0301234567;;;",
            "Stichting A;Bea;;;Dorpsstraat 2;;",
            "Stichting B;Bas;bas@b.test;;;;");
        var inspection = parser.Inspect(file, "o.csv");
        file.Position = 0;
        var rows = parser.ReadOpdrachtgevers(file, inspection, 2026, Today).ToList();

        Assert.All(rows, r => Assert.Empty(r.Rejections));
        Assert.Equal((DeliveryCodes.NoEmail, "per brief of telefoon"), Warning(rows[0]));
        Assert.Equal((DeliveryCodes.NoEmail, "per brief benaderd"), Warning(rows[1]));
        Assert.Equal((DeliveryCodes.NoEmail, "alleen per telefoon"), Warning(rows[2]));
        Assert.Equal((DeliveryCodes.NoContactData, "kan niet worden benaderd"), Warning(rows[3])); // a street without postcode or place cannot be posted
        Assert.Empty(rows[4].Warnings);

        static (string, string) Warning(OpdrachtgeverRow row)
        {
            var warning = Assert.Single(row.Warnings);
            foreach (var part in new[] { "per brief of telefoon", "per brief benaderd", "alleen per telefoon", "kan niet worden benaderd" })
                if (warning.Message.Contains(part, StringComparison.Ordinal)) return (warning.Code, part);
            return (warning.Code, warning.Message);
        }
    }

    [Fact]
    public void The_same_organisation_is_one_opdrachtgever_whatever_its_spelling_and_its_id_is_never_a_service_id()
    {
        Assert.Equal(OpdrachtgeverIds.Of("Gemeente Utrecht"), OpdrachtgeverIds.Of("gemeente-utrecht "));
        Assert.NotEqual(OpdrachtgeverIds.Of("Gemeente Utrecht"), OpdrachtgeverIds.Of("Gemeente Zeist"));
        Assert.True(OpdrachtgeverIds.IsOpdrachtgever(OpdrachtgeverIds.Of("UWV")));
        Assert.Equal(32, OpdrachtgeverIds.Of("UWV").Length);
        Assert.False(OpdrachtgeverIds.IsOpdrachtgever(new ServiceKey("K1", Perceel.NaarWerk, Today).Id()));
    }

    [Fact]
    public async Task Ingest_stores_each_opdrachtgever_once_per_year_counts_duplicates_and_a_second_delivery_of_the_same_file_is_a_duplicate()
    {
        var ledger = new InMemoryDeliveryLedger();
        var store = new InMemoryOpdrachtgeverStore();
        var settings = new DeliverySettings();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero));
        var ingest = new DeliveryIngestService(ledger, new DeliveryParser(settings), settings, time, opdrachtgevers: store);
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", Header,
            "UWV Utrecht;Anna;anna@uwv.test;;12", "Gemeente Zeist;Piet;piet@zeist.test;;3", "uwv utrecht;Karin;karin@uwv.test;;1") + "\n");

        var first = await ingest.IngestAsync("acme", "opdrachtgevers.csv", new InMemoryDeliveryContent(bytes), CancellationToken.None);
        var again = await ingest.IngestAsync("acme", "opdrachtgevers-kopie.csv", new InMemoryDeliveryContent(bytes), CancellationToken.None);

        Assert.Equal((Receipt.Statuses.Accepted, Receipt.Kinds.Opdrachtgevers, 3, 2, 1), (first.Status, first.Kind, first.Rows, first.Accepted, first.Duplicates));
        Assert.Equal(2, store.Stored.Count);
        Assert.Equal(0, ledger.ServiceInserts);
        Assert.Equal(Receipt.Statuses.Duplicate, again.Status);
        Assert.Equal(DeliveryCodes.DuplicateFile, Assert.Single(again.Warnings).Code);
        Assert.Equal(1, store.Inserts);

        var later = Encoding.UTF8.GetBytes(string.Join("\n", Header, "Gemeente-Zeist;Piet;piet@zeist.test;;3", "Werkgever BV;Kees;kees@bv.test;;1") + "\n");
        var second = await ingest.IngestAsync("acme", "opdrachtgevers-juni.csv", new InMemoryDeliveryContent(later), CancellationToken.None);
        Assert.Equal((2, 1, 1), (second.Rows, second.Accepted, second.Duplicates));
        Assert.Equal(3, store.Stored.Count);
    }
}
