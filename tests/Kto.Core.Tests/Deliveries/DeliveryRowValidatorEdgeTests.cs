using Kto.Core.Deliveries;
using Kto.Core.Settings;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The client row's edges: lengths at the cell limit, what a receipt may show of a rejected row, and the perceel messages.</summary>
public sealed class DeliveryRowValidatorEdgeTests
{
    private static DeliveryRow Single(string header, string row, DeliverySettings? settings = null) =>
        Parse(Csv(header, row), settings: settings).Single;

    [Fact]
    public void A_klantnummer_of_exactly_the_cell_limit_is_used_and_one_character_more_is_not()
    {
        // A klantnummer is never cut (two numbers would become one service); the limit itself is still a usable length.
        var settings = new DeliverySettings { MaxCellLength = 12 };

        Assert.Equal("K12345678901", Single("klantnummer;perceel;einddatum", "K12345678901;Naar werk;15-03-2025", settings).Service?.Klantnummer);
        Assert.Equal(DeliveryCodes.MissingKlantnummer,
            Assert.Single(Single("klantnummer;perceel;einddatum", "K123456789012;Naar werk;15-03-2025", settings).Rejections).Code);
    }

    [Fact]
    public void A_rejected_row_shows_at_most_forty_characters_of_its_klantnummer()
    {
        // The receipt helps find the row, it does not copy whole cells (a shifted column could hold anything).
        var klantnummer = "K" + new string('7', 44);

        var rejection = Assert.Single(Single("klantnummer;perceel;einddatum", $"{klantnummer};Ergens;15-03-2025").Rejections);

        Assert.Equal(klantnummer[..40], rejection.Klantnummer);
    }

    [Fact]
    public void A_rejected_row_does_not_show_a_klantnummer_that_holds_a_BSN()
    {
        // Privacy: a klantnummer with a BSN inside (not only one that is a BSN) never reaches a receipt.
        var rejection = Assert.Single(Single("klantnummer;perceel;einddatum", "KL-123456782;Ergens;15-03-2025").Rejections);

        Assert.Equal(DeliveryCodes.UnknownPerceel, rejection.Code);
        Assert.Null(rejection.Klantnummer);
    }

    [Fact]
    public void A_missing_perceel_and_an_unknown_one_are_told_apart_and_both_list_every_perceel()
    {
        // The company sees whether it forgot the perceel or misspelled it, and which names are allowed.
        var missing = Assert.Single(Single("klantnummer;perceel;einddatum", "K1;;15-03-2025").Rejections).Message;
        var unknown = Assert.Single(Single("klantnummer;perceel;einddatum", "K1;Ergens;15-03-2025").Rejections).Message;

        Assert.StartsWith("Het perceel ontbreekt.", missing);
        Assert.StartsWith("Onbekend perceel.", unknown);
        Assert.All([missing, unknown], m => Assert.EndsWith("Werkfit maken, Naar werk, Praktijkassessment of Modulaire Re-integratiediensten.", m));
    }

    [Fact]
    public void An_issue_names_the_column_as_the_company_wrote_it()
    {
        // The company finds the column under its own header, not under the contract's name for it.
        var rejection = Assert.Single(Single("Klant-nummer;Perceel;Datum einde", "K1;Naar werk;morgen").Rejections);

        Assert.Equal((DeliveryCodes.InvalidDate, "Datum einde"), (rejection.Code, rejection.Column));
    }

    [Fact]
    public void A_stored_phone_number_is_never_longer_than_the_cell_limit()
    {
        // No stored field exceeds the cell limit, also after the phone number was normalised.
        var settings = new DeliverySettings { MaxCellLength = 12 };

        var service = Single("klantnummer;perceel;einddatum;telefoon", "K1;Naar werk;15-03-2025;+31 6 1234 5678 9012 3456", settings).Service!;

        Assert.Equal("+31612345678", service.Telefoon);
    }

    [Fact]
    public void The_too_old_message_names_the_first_year_still_researched()
    {
        // Today is 30 June 2025: 2024 (fieldwork until 2025) and 2025 are open, so an end in 2023 is "vóór 2024".
        var rejection = Assert.Single(Single("klantnummer;perceel;einddatum", "K1;Naar werk;31-12-2023").Rejections);

        Assert.Equal(DeliveryCodes.EinddatumTooOld, rejection.Code);
        Assert.StartsWith("De einddatum ligt vóór 2024.", rejection.Message);
    }

    [Fact]
    public void BSNs_in_two_columns_are_listed_left_to_right()
    {
        // The receipt lists a row's issues in the order the company sees its columns. 123456782 and 111222333 pass the
        // 11-proef; two clean rows keep each column under the share that refuses the whole file as a BSN column.
        var parsed = Parse(Csv("klantnummer;achternaam;voornaam;perceel;einddatum",
            "K1;123456782;111222333;Naar werk;15-03-2025",
            "K2;Jansen;Jan;Naar werk;15-03-2025",
            "K3;Pietersen;Piet;Naar werk;15-03-2025"));

        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal([("achternaam", DeliveryCodes.BsnValue), ("voornaam", DeliveryCodes.BsnValue)],
            parsed.Rows[0].Rejections.Select(r => (r.Column, r.Code)));
    }
}
