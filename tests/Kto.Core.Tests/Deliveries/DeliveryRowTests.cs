using Kto.Core.Deliveries;
using Kto.Core.Settings;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Rows that are kept, kept with a warning, or rejected.</summary>
public class DeliveryRowTests
{
    [Fact]
    public void A_complete_row_becomes_an_ended_service()
    {
        var parsed = ParseCsv(Header, Row());
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(1, parsed.Inspection.DataRows);
        Assert.Equal(2, parsed.Single.Row);
        Assert.Empty(parsed.Single.Warnings);
        var service = parsed.Service;
        Assert.Equal("K1001", service.Klantnummer);
        Assert.Equal(Perceel.NaarWerk, service.Perceel);
        Assert.Equal(new DateOnly(2025, 3, 15), service.Einddatum);
        Assert.Equal(new DateOnly(2024, 9, 1), service.Startdatum);
        Assert.Equal("Jan", service.Voornaam);
        Assert.Equal("Jansen", service.Achternaam);
        Assert.Equal("jan@example.nl", service.Email);
        Assert.Equal("0612345678", service.Telefoon);
        Assert.Equal("Dorpsstraat 1", service.Adres);
        Assert.Equal("1234 AB", service.Postcode);
        Assert.Equal("Utrecht", service.Woonplaats);
    }

    [Fact]
    public void Values_are_trimmed_and_empty_values_become_null()
    {
        var parsed = ParseCsv(
            "klantnummer;voornaam;tussenvoegsel;achternaam;email;perceel;einddatum",
            "  K7  ;  Jan ;   ;  de Vries ; jan@example.nl ;  Naar werk ; 15-03-2025 ");
        var service = parsed.Service;
        Assert.Equal("K7", service.Klantnummer);
        Assert.Equal("Jan", service.Voornaam);
        Assert.Null(service.Tussenvoegsel);
        Assert.Equal("de Vries", service.Achternaam);
        Assert.Equal("jan@example.nl", service.Email);
    }

    [Fact]
    public void A_row_without_klantnummer_is_rejected()
    {
        var rejection = Assert.Single(ParseCsv(Header, Row(klantnummer: "")).Single.Rejections);
        Assert.Equal(DeliveryCodes.MissingKlantnummer, rejection.Code);
        Assert.Equal("klantnummer", rejection.Column);
        Assert.Equal(2, rejection.Row);
    }

    [Theory]
    [InlineData("Werkfit")]
    [InlineData("Naar werk 2")]
    [InlineData("")]
    public void A_row_with_an_unknown_perceel_is_rejected(string perceel)
    {
        var row = ParseCsv(Header, Row(perceel: perceel)).Single;
        Assert.Null(row.Service);
        var rejection = Assert.Single(row.Rejections);
        Assert.Equal(DeliveryCodes.UnknownPerceel, rejection.Code);
        Assert.Contains("Modulaire Re-integratiediensten", rejection.Message);
    }

    [Fact]
    public void A_rejected_row_names_its_klantnummer_unless_that_looks_like_a_bsn()
    {
        var parsed = ParseCsv(Header,
            Row(klantnummer: "K2001", perceel: "Ergens heen"),
            Row(klantnummer: "111222333", perceel: "Naar werk"), // a BSN where the klantnummer belongs: rejected, never repeated
            Row(klantnummer: "K2003"),
            Row(klantnummer: "K2004"),
            Row(klantnummer: "K2005"));
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal("K2001", Assert.Single(parsed.Rows[0].Rejections).Klantnummer);
        var bsnRow = parsed.Rows[1];
        Assert.NotEmpty(bsnRow.Rejections);
        Assert.All(bsnRow.Rejections, r => Assert.Null(r.Klantnummer));
        Assert.All(parsed.Rows.Skip(2), r => Assert.Empty(r.Rejections));
    }

    [Fact]
    public void A_warning_names_the_rows_klantnummer_so_the_company_finds_the_client()
    {
        var parsed = ParseCsv(Header,
            Row(klantnummer: "K3001", email: "bram(at)example.nl"),
            Row(klantnummer: "K3002"),
            Row(klantnummer: "K3003", email: ""));
        Assert.Null(parsed.Inspection.Refusal);
        var badAddress = parsed.Rows[0];
        Assert.NotNull(badAddress.Service);
        Assert.Contains(badAddress.Warnings, w => w.Code == DeliveryCodes.InvalidEmail);
        Assert.All(badAddress.Warnings, w => Assert.Equal("K3001", w.Klantnummer));
        Assert.Empty(parsed.Rows[1].Warnings);
        Assert.NotEmpty(parsed.Rows[2].Warnings);
        Assert.All(parsed.Rows[2].Warnings, w => Assert.Equal("K3003", w.Klantnummer));
    }

    [Theory]
    [InlineData("Werkfit maken", Perceel.WerkfitMaken)]
    [InlineData("WERKFIT MAKEN", Perceel.WerkfitMaken)]
    [InlineData("werkfit-maken", Perceel.WerkfitMaken)]
    [InlineData("Naar werk", Perceel.NaarWerk)]
    [InlineData("naar Werk", Perceel.NaarWerk)]
    [InlineData("Praktijkassessment", Perceel.Praktijkassessment)]
    [InlineData("praktijk-assessment", Perceel.Praktijkassessment)]
    [InlineData("Modulaire Re-integratiediensten", Perceel.ModulaireReintegratiediensten)]
    [InlineData("Modulaire Re-integratiedienst", Perceel.ModulaireReintegratiediensten)]
    [InlineData("modulaire reintegratiedienst", Perceel.ModulaireReintegratiediensten)]
    [InlineData("MODULAIRE RE-INTEGRATIEDIENSTEN", Perceel.ModulaireReintegratiediensten)]
    public void Perceel_spellings_are_accepted(string written, Perceel expected) =>
        Assert.Equal(expected, ParseCsv(Header, Row(perceel: written)).Service.Perceel);

    [Fact]
    public void A_row_without_einddatum_is_rejected()
    {
        var rejection = Assert.Single(ParseCsv(Header, Row(einddatum: " ")).Single.Rejections);
        Assert.Equal(DeliveryCodes.MissingEinddatum, rejection.Code);
        Assert.Equal("einddatum", rejection.Column);
    }

    [Theory]
    [InlineData("31-02-2025")]
    [InlineData("maart 2025")]
    [InlineData("15-03-25")]
    public void An_unreadable_einddatum_is_an_invalid_date(string einddatum)
    {
        var rejection = Assert.Single(ParseCsv(Header, Row(einddatum: einddatum)).Single.Rejections);
        Assert.Equal(DeliveryCodes.InvalidDate, rejection.Code);
        Assert.Equal("einddatum", rejection.Column);
    }

    [Fact]
    public void An_unreadable_startdatum_is_an_invalid_date()
    {
        var rejection = Assert.Single(ParseCsv(Header, Row(startdatum: "ergens in 2024")).Single.Rejections);
        Assert.Equal(DeliveryCodes.InvalidDate, rejection.Code);
        Assert.Equal("startdatum", rejection.Column);
    }

    [Fact]
    public void An_empty_startdatum_is_fine()
    {
        Assert.Null(ParseCsv(Header, Row(startdatum: "")).Service.Startdatum);
    }

    [Fact]
    public void An_einddatum_after_today_is_rejected_and_today_itself_is_not()
    {
        var parsed = ParseCsv(Header, Row(einddatum: "01-07-2025"), Row(einddatum: "30-06-2025"));
        var rejection = Assert.Single(parsed.Rows[0].Rejections);
        Assert.Equal(DeliveryCodes.EinddatumInFuture, rejection.Code);
        Assert.DoesNotContain("01-07-2025", rejection.Message); // a receipt repeats no cell value
        Assert.NotNull(parsed.Rows[1].Service);
    }

    [Fact]
    public void An_einddatum_before_the_previous_measurement_year_is_too_old_and_the_previous_year_is_not()
    {
        // Today is 30 June 2025: 2024 is the previous measurement year.
        var parsed = ParseCsv(Header, Row(einddatum: "31-12-2023"), Row(einddatum: "01-01-2024"), Row(einddatum: "01-01-1900"));
        Assert.Equal(DeliveryCodes.EinddatumTooOld, Assert.Single(parsed.Rows[0].Rejections).Code);
        Assert.NotNull(parsed.Rows[1].Service);
        Assert.Equal(DeliveryCodes.EinddatumTooOld, Assert.Single(parsed.Rows[2].Rejections).Code);
    }

    [Theory]
    [InlineData("yyyy-MM-dd", "2025-03-05")]
    [InlineData("ISO with time", "2025-03-05 14:30:00")]
    [InlineData("dd-MM-yyyy", "05-03-2025")]
    [InlineData("d-M-yyyy", "5-3-2025")]
    [InlineData("dd/MM/yyyy", "05/03/2025")]
    [InlineData("d/M/yyyy", "5/3/2025")]
    [InlineData("dd.MM.yyyy", "05.03.2025")]
    public void Every_date_format_is_read_in_a_delivery(string format, string einddatum)
    {
        var service = ParseCsv(Header, Row(einddatum: einddatum, startdatum: einddatum)).Service;
        Assert.True(service.Einddatum == new DateOnly(2025, 3, 5), format);
        Assert.Equal(new DateOnly(2025, 3, 5), service.Startdatum);
    }

    [Fact]
    public void A_bsn_in_the_klantnummer_column_rejects_only_that_row_and_is_never_repeated()
    {
        var parsed = ParseCsv(Header, Row(klantnummer: "K1"), Row(klantnummer: "111222333"), Row(klantnummer: "K3"), Row(klantnummer: "K4"));
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(4, parsed.Rows.Count);
        var rejected = parsed.Rows[1];
        Assert.Null(rejected.Service);
        Assert.Equal(3, rejected.Row);
        var rejection = Assert.Single(rejected.Rejections);
        Assert.Equal(DeliveryCodes.BsnValue, rejection.Code);
        Assert.Equal("klantnummer", rejection.Column);
        Assert.Contains("BSN", rejection.Message); // the column is named in Column, the message is fixed
        Assert.All(AllReceiptText(parsed), text => Assert.DoesNotContain("111222333", text));
        Assert.All(parsed.Rows.Where(r => r.Service is not null), r => Assert.NotEqual("111222333", r.Service!.Klantnummer));
    }

    [Theory]
    [InlineData("123456782")]
    [InlineData("123 456 782")]
    [InlineData("123.456.782")]
    public void A_bsn_in_another_stored_field_rejects_the_row(string value)
    {
        var parsed = ParseCsv(
            "klantnummer;voornaam;achternaam;perceel;einddatum;email",
            "K1;Jan;Jansen;Naar werk;15-03-2025;jan@example.nl",
            "K2;Piet;Pietersen;Naar werk;15-03-2025;piet@example.nl",
            $"K3;Kees;{value};Naar werk;15-03-2025;kees@example.nl");
        Assert.Null(parsed.Inspection.Refusal);
        var rejection = Assert.Single(parsed.Rows[2].Rejections);
        Assert.Equal(DeliveryCodes.BsnValue, rejection.Code);
        Assert.Equal("achternaam", rejection.Column);
        Assert.All(AllReceiptText(parsed), text => Assert.DoesNotContain("123456782", text.Replace(" ", "").Replace(".", "")));
    }

    [Fact]
    public void A_bsn_in_the_perceel_column_is_not_quoted_in_the_unknown_perceel_message()
    {
        var parsed = ParseCsv(Header, Row(), Row(perceel: "123456782"), Row(), Row());
        var codes = parsed.Rows[1].Rejections.Select(r => r.Code).ToList();
        Assert.Contains(DeliveryCodes.BsnValue, codes);
        Assert.Contains(DeliveryCodes.UnknownPerceel, codes);
        Assert.All(AllReceiptText(parsed), text => Assert.DoesNotContain("123456782", text));
    }

    [Fact]
    public void Klantnummers_of_nine_digits_failing_the_11_proef_are_an_ordinary_column()
    {
        var numbers = Enumerable.Range(100_000_000, 200).Select(n => n.ToString()).Where(n => !Bsn.IsValid(n)).Take(20).ToList();
        var parsed = ParseCsv([Header, .. numbers.Select(n => Row(klantnummer: n))]);
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(numbers, parsed.Rows.Select(r => r.Service?.Klantnummer));
    }

    [Fact]
    public void A_phone_number_of_nine_digits_passing_the_11_proef_is_not_a_bsn()
    {
        // A phone exported without its leading 0 can pass the 11-proef by chance; phone columns are never taken for BSNs.
        var parsed = ParseCsv(Header, Row(telefoon: "111222333"));
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal("0111222333", parsed.Service.Telefoon);
    }

    [Fact]
    public void No_email_but_a_phone_is_a_no_email_warning()
    {
        var row = ParseCsv(Header, Row(email: "")).Single;
        Assert.NotNull(row.Service);
        var warning = Assert.Single(row.Warnings);
        Assert.Equal(DeliveryCodes.NoEmail, warning.Code);
        Assert.Equal("email", warning.Column);
        Assert.Equal(2, warning.Row);
    }

    [Fact]
    public void No_email_but_a_full_address_is_a_no_email_warning()
    {
        var row = ParseCsv(Header, Row(email: "", telefoon: "")).Single;
        Assert.Equal(DeliveryCodes.NoEmail, Assert.Single(row.Warnings).Code);
    }

    [Fact]
    public void A_malformed_email_is_dropped_with_a_warning()
    {
        var row = ParseCsv(Header, Row(email: "jan@@example")).Single;
        Assert.Null(row.Service!.Email);
        Assert.Equal([DeliveryCodes.InvalidEmail, DeliveryCodes.NoEmail], row.Warnings.Select(w => w.Code));
        Assert.All(row.Warnings, w => Assert.DoesNotContain("jan@@example", w.Message));
    }

    [Fact]
    public void No_email_no_phone_and_a_partial_address_is_no_contact_data()
    {
        var parsed = ParseCsv(
            "klantnummer;email;telefoon;adres;postcode;woonplaats;perceel;einddatum",
            "K1;;;Dorpsstraat 1;;Utrecht;Naar werk;15-03-2025",
            "K2;;;;;;Naar werk;15-03-2025");
        Assert.All(parsed.Rows, row =>
        {
            Assert.NotNull(row.Service);
            Assert.Equal(DeliveryCodes.NoContactData, Assert.Single(row.Warnings).Code);
        });
    }

    [Fact]
    public void Contact_warnings_are_given_even_without_an_email_column()
    {
        var warning = Assert.Single(ParseCsv("klantnummer;perceel;einddatum", "K1;Naar werk;15-03-2025").Single.Warnings);
        Assert.Equal(DeliveryCodes.NoContactData, warning.Code);
        Assert.Equal("email", warning.Column);
    }

    [Fact]
    public void Rejected_rows_carry_every_reason_and_no_warnings()
    {
        var row = ParseCsv(Header, Row(klantnummer: "", perceel: "onbekend", einddatum: "", email: "")).Single;
        Assert.Equal(
            [DeliveryCodes.MissingKlantnummer, DeliveryCodes.UnknownPerceel, DeliveryCodes.MissingEinddatum],
            row.Rejections.Select(r => r.Code));
        Assert.Empty(row.Warnings);
    }

    [Fact]
    public void Unknown_columns_are_named_once_each_and_not_stored()
    {
        var parsed = ParseCsv(
            "klantnummer;Geboortedatum;perceel;Notities consulent;einddatum",
            "K1;01-01-1980;Naar werk;ziek geweest;15-03-2025",
            "K2;02-02-1990;Naar werk;;15-03-2025");
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(["Geboortedatum", "Notities consulent"], parsed.Inspection.Warnings.Select(w => w.Column));
        Assert.All(parsed.Inspection.Warnings, w =>
        {
            Assert.Equal(DeliveryCodes.IgnoredColumn, w.Code);
            Assert.Null(w.Row);
        });
        Assert.All(parsed.Rows, r => Assert.Empty(r.Rejections));
    }

    [Fact]
    public void A_second_column_for_the_same_field_is_ignored_with_a_warning()
    {
        var parsed = ParseCsv("klantnummer;email;perceel;E-mailadres;einddatum", "K1;jan@example.nl;Naar werk;ander@example.nl;15-03-2025");
        var warning = Assert.Single(parsed.Inspection.Warnings);
        Assert.Equal(DeliveryCodes.IgnoredColumn, warning.Code);
        Assert.Equal("E-mailadres", warning.Column);
        Assert.Equal("jan@example.nl", parsed.Service.Email);
    }

    [Fact]
    public void Filled_columns_without_a_name_are_ignored_with_a_warning_and_empty_ones_silently()
    {
        var parsed = ParseCsv("klantnummer;perceel;einddatum;;", "K1;Naar werk;15-03-2025;geheim;");
        var warning = Assert.Single(parsed.Inspection.Warnings);
        Assert.Equal(DeliveryCodes.IgnoredColumn, warning.Code);
        Assert.Equal("kolom 4", warning.Column);
    }

    [Fact]
    public void Header_aliases_and_diacritics_are_understood_in_a_delivery()
    {
        var parsed = ParseCsv(
            "Cliëntnummer;E-mailadres;Mobiel;Perceel;Datum einde;Reden beëindiging;Opdracht-gever",
            "C-77;zoe@example.nl;0612345678;Werkfit maken;15-03-2025;Werk gevonden;UWV");
        Assert.Empty(parsed.Inspection.Warnings);
        var service = parsed.Service;
        Assert.Equal("C-77", service.Klantnummer);
        Assert.Equal("zoe@example.nl", service.Email);
        Assert.Equal("0612345678", service.Telefoon);
        Assert.Equal(new DateOnly(2025, 3, 15), service.Einddatum);
        Assert.Equal("Werk gevonden", service.RedenBeeindiging);
        Assert.Equal("UWV", service.Opdrachtgever);
    }

    [Fact]
    public void Rows_are_numbered_as_in_a_spreadsheet_and_blank_rows_are_skipped()
    {
        var parsed = ParseCsv(Header, Row(klantnummer: "K1"), "", ";;;;;;;;;;", Row(klantnummer: "K4"));
        Assert.Equal(2, parsed.Inspection.DataRows);
        Assert.Equal([2, 5], parsed.Rows.Select(r => r.Row));
    }

    [Fact]
    public void A_header_below_a_title_line_is_found()
    {
        var parsed = ParseCsv("Levering maart 2025", "", Header, Row());
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(1, parsed.Inspection.DataRows);
        Assert.Equal(4, parsed.Single.Row);
        Assert.Equal("K1001", parsed.Service.Klantnummer);
    }

    [Fact]
    public void A_field_of_5000_characters_is_cut_to_the_maximum_cell_length()
    {
        var settings = new DeliverySettings();
        var parsed = Parse(Csv(Header.Replace("voornaam", "opmerking_ignored;voornaam"),
            Row().Replace(";Jan;", $";{new string('x', 5000)};{new string('J', 5000)};")), settings: settings);
        Assert.Null(parsed.Inspection.Refusal);
        var voornaam = parsed.Service.Voornaam;
        Assert.Equal(settings.MaxCellLength, voornaam?.Length);
    }

    [Fact]
    public void A_klantnummer_of_5000_characters_is_rejected_as_unusable()
    {
        var row = ParseCsv(Header, Row(klantnummer: new string('7', 5000))).Single;
        var rejection = Assert.Single(row.Rejections);
        Assert.Equal(DeliveryCodes.MissingKlantnummer, rejection.Code);
        Assert.Contains("langer dan", rejection.Message);
        Assert.True(rejection.Message.Length < 200);
    }

    [Fact]
    public void A_perceel_of_5000_characters_gives_a_short_message()
    {
        var rejection = Assert.Single(ParseCsv(Header, Row(perceel: new string('p', 5000))).Single.Rejections);
        Assert.Equal(DeliveryCodes.UnknownPerceel, rejection.Code);
        Assert.True(rejection.Message.Length < 300);
    }

    [Fact]
    public void A_shifted_column_never_copies_names_or_addresses_into_the_receipt()
    {
        // The company left out "voornaam" in the data but not in the header: every value sits one column to the left.
        var shifted = "K1001;Jansen;petra@example.nl;0612345678;Kerkweg 12;9876 ZY;Zwolle;Pietersen;Marsweg 7;Groningen;";
        var future = Row(einddatum: "01-07-2025").Replace("Jan;Jansen", "Jan;Bakker");
        var parsed = ParseCsv(Header, shifted, future, Row(startdatum: "Kastanjelaan 3"));

        Assert.All(parsed.Rows, row => Assert.NotEmpty(row.Rejections));
        var text = string.Join("\n", AllReceiptText(parsed));
        Assert.All(["Jansen", "Kerkweg", "Zwolle", "Pietersen", "Marsweg", "Groningen", "01-07-2025", "Kastanjelaan", "9876"],
            value => Assert.DoesNotContain(value, text));
    }

    [Fact]
    public void An_address_with_a_control_character_gets_invalid_email_and_is_not_stored_as_usable()
    {
        var parsed = ParseCsv(Header, Row(email: "a\u0001b@example.nl"));
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Null(parsed.Service.Email);
        Assert.Contains(parsed.Single.Warnings, w => w.Code == DeliveryCodes.InvalidEmail && w.Column == "email");
    }
}
