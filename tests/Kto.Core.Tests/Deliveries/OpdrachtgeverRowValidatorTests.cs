using System.Text;
using Kto.Core.Deliveries;
using Kto.Core.Settings;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The rules for one row of an opdrachtgever list (Blik op Werk): BSN values, names, the number of trajectories,
/// the measurement year, and what a rejected row carries. Read through the parser, as ingest reads them.
/// </summary>
public sealed class OpdrachtgeverRowValidatorTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private const string Header = "organisatie;contactpersoon;email;telefoon;aantal trajecten;jaar";

    private static List<OpdrachtgeverRow> Read(params string[] rows) => ReadWith(new DeliverySettings(), rows);

    private static List<OpdrachtgeverRow> ReadWith(DeliverySettings settings, params string[] rows) => ReadFile(Header, settings, rows);

    private static List<OpdrachtgeverRow> ReadFile(string header, DeliverySettings settings, params string[] rows)
    {
        var parser = new DeliveryParser(settings);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. rows]) + "\r\n"));
        var inspection = parser.Inspect(file, "opdrachtgevers.csv");
        Assert.Null(inspection.Refusal);
        return parser.ReadOpdrachtgevers(file, inspection, Today.Year, Today).ToList();
    }

    private static OpdrachtgeverRow One(string row) => Assert.Single(Read(row));

    private static string? Rejection(string row) => Assert.Single(One(row).Rejections).Code;

    [Fact]
    public void A_valid_row_is_read_with_every_field_and_no_issue()
    {
        // What the list holds is what is stored: organisation, contact, normalised phone, trajectories and year.
        var row = One("Gemeente Utrecht;Anna de Boer;anna@utrecht.test;06-12345678;12;2025");

        Assert.Empty(row.Rejections);
        Assert.Empty(row.Warnings);
        var o = row.Opdrachtgever!;
        Assert.Equal(("Gemeente Utrecht", "Anna de Boer", "anna@utrecht.test", "0612345678", 12, 2025),
            (o.Organisatie, o.Contactpersoon, o.Email, o.Telefoon, o.AantalTrajecten, o.Year));
    }

    [Theory]
    [InlineData("UWV;123456782;a@uwv.test;;1;2026", "contactpersoon")]
    [InlineData("123456782;Anna;a@uwv.test;;1;2026", "organisatie")]
    [InlineData("UWV;Anna;a@uwv.test;;123456782;2026", "aantal trajecten")]
    public void A_BSN_in_any_stored_column_rejects_the_row_and_names_that_column(string line, string column)
    {
        // Privacy: a BSN is never stored, wherever it stands; the rejection names the column, never the value.
        // (Two clean rows keep the column under the share that refuses the whole file as a BSN column.)
        var row = Read(line, "Gemeente Zeist;Piet;p@zeist.test;;2;2026", "Gemeente Ede;Els;e@ede.test;;3;2026")[0];

        Assert.Null(row.Opdrachtgever);
        var bsn = Assert.Single(row.Rejections, r => r.Code == DeliveryCodes.BsnValue);
        Assert.Equal(column, bsn.Column);
        Assert.DoesNotContain("123456782", bsn.Message);
    }

    [Fact]
    public void A_nine_digit_phone_number_is_no_BSN()
    {
        // Telefoon is exempt from the BSN check: a mobile number stored without its 0 has nine digits too.
        var row = One("UWV;Anna;a@uwv.test;612345678;1;2026");

        Assert.Empty(row.Rejections);
        Assert.NotNull(row.Opdrachtgever);
    }

    [Theory]
    [InlineData("\"UWV\nUtrecht\";Anna;a@uwv.test;;1;2026", "organisatie")]
    [InlineData("UWV;Anna\u202Ede Boer;a@uwv.test;;1;2026", "contactpersoon")]
    [InlineData("UWV;Anna\u2066x;a@uwv.test;;1;2026", "contactpersoon")]
    public void A_name_with_a_control_or_direction_character_rejects_the_row(string line, string column)
    {
        // Names are printed in letters and reports: a control or bidi character could hide or reorder text there.
        var rejection = Assert.Single(One(line).Rejections);

        Assert.Equal((DeliveryCodes.InvalidName, column), (rejection.Code, rejection.Column));
    }

    [Fact]
    public void A_row_without_organisation_is_rejected_with_that_reason()
    {
        // The organisation is who is asked for its opinion: without it there is no opdrachtgever.
        Assert.Equal(DeliveryCodes.MissingOrganisatie, Rejection(";Anna;a@uwv.test;;1;2026"));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("0", 0)]
    [InlineData("100000", 100_000)]
    [InlineData("12.0", 12)]
    [InlineData("1e3", 1000)]
    [InlineData("0.0", 0)]
    [InlineData("100000.0", 100_000)]
    [InlineData("1e5", 100_000)]
    public void The_number_of_trajectories_is_a_whole_number_from_0_to_100000_or_absent(string aantal, int? expected)
    {
        // A spreadsheet may write a whole number as 12.0 or 1E3; it is still that number.
        var row = One($"UWV;Anna;a@uwv.test;;{aantal};2026");

        Assert.Empty(row.Rejections);
        Assert.Equal(expected, row.Opdrachtgever!.AantalTrajecten);
    }

    [Theory]
    [InlineData("100001")]
    [InlineData("1e6")]
    [InlineData("-1")]
    [InlineData("-1.0")]
    [InlineData("12.5")]
    [InlineData("twaalf")]
    public void Any_other_number_of_trajectories_rejects_the_row(string aantal)
    {
        // More than 100 000 trajectories from one opdrachtgever, a negative or a broken number is a typing error.
        Assert.Equal(DeliveryCodes.InvalidAantalTrajecten, Rejection($"UWV;Anna;a@uwv.test;;{aantal};2026"));
    }

    [Theory]
    [InlineData("2026", 2026)]
    [InlineData("2025", 2025)]
    [InlineData("2025.0", 2025)]
    [InlineData("2026.0", 2026)]
    [InlineData("", 2026)]
    public void The_year_is_this_year_or_the_previous_one_and_an_empty_year_is_the_deliverys(string jaar, int expected)
    {
        // The previous measurement year is still delivered in January; no jaar means the year of the delivery.
        var row = One($"UWV;Anna;a@uwv.test;;1;{jaar}");

        Assert.Empty(row.Rejections);
        Assert.Equal(expected, row.Opdrachtgever!.Year);
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2027")]
    [InlineData("2024.0")]
    [InlineData("2027.0")]
    [InlineData("2025.5")]
    [InlineData("volgend jaar")]
    public void Any_other_year_rejects_the_row_and_the_message_names_the_two_years_allowed(string jaar)
    {
        // Closed years are not researched any more and future years have no fieldwork yet.
        var rejection = Assert.Single(One($"UWV;Anna;a@uwv.test;;1;{jaar}").Rejections);

        Assert.Equal(DeliveryCodes.InvalidJaar, rejection.Code);
        Assert.Contains("2025 of 2026", rejection.Message);
    }

    [Fact]
    public void A_rejected_row_keeps_every_reason_and_carries_no_warnings()
    {
        // The receipt shows all that is wrong with a row at once, so the company fixes it in one go.
        var row = One(";Anna;;;veel;1999");

        Assert.Equal([DeliveryCodes.MissingOrganisatie, DeliveryCodes.InvalidAantalTrajecten, DeliveryCodes.InvalidJaar], row.Rejections.Select(r => r.Code));
        Assert.All(row.Rejections, r => Assert.Equal(2, r.Row));
        Assert.Empty(row.Warnings);
    }

    [Fact]
    public void An_unusable_email_address_is_dropped_with_a_warning_and_the_row_is_kept()
    {
        // An address the mailer cannot use is treated as absent: the opdrachtgever is approached another way.
        var row = One("UWV;Anna;anna@;0301234567;1;2026");

        Assert.Null(row.Opdrachtgever!.Email);
        var warning = Assert.Single(row.Warnings);
        Assert.Equal((DeliveryCodes.InvalidEmail, "email", 2), (warning.Code, warning.Column, warning.Row));
    }

    [Fact]
    public void Names_longer_than_the_cell_limit_are_cut()
    {
        // No contract field is this long; a runaway cell is cut (and trimmed) instead of filling storage.
        var row = Assert.Single(ReadWith(new DeliverySettings { MaxCellLength = 5 }, "Gemeente Utrecht;Anna de Boer;a@uwv.test;;1;2026"));

        Assert.Equal(("Gemee", "Anna"), (row.Opdrachtgever!.Organisatie, row.Opdrachtgever.Contactpersoon));
    }

    [Fact]
    public void BSNs_in_two_columns_are_listed_left_to_right()
    {
        // The receipt lists a row's issues in the order of the file's columns (123456782 and 111222333 pass the
        // 11-proef; two clean rows keep each column under the share that refuses the whole file).
        var row = Read("123456782;111222333;a@uwv.test;;1;2026", "Gemeente Zeist;Piet;p@zeist.test;;2;2026", "Gemeente Ede;Els;e@ede.test;;3;2026")[0];

        Assert.Equal(["organisatie", "contactpersoon"], row.Rejections.Where(r => r.Code == DeliveryCodes.BsnValue).Select(r => r.Column));
    }

    [Fact]
    public void An_issue_names_the_column_as_the_company_wrote_it()
    {
        // The company finds the column under its own header ("Organisatienaam", "Meetjaar"), not the contract's name.
        var row = Assert.Single(ReadFile("Organisatienaam;Contactpersoon;E-mail;Meetjaar", new DeliverySettings(), ";Anna;a@uwv.test;1999"));

        Assert.Equal([(DeliveryCodes.MissingOrganisatie, "Organisatienaam"), (DeliveryCodes.InvalidJaar, "Meetjaar")],
            row.Rejections.Select(r => (r.Code, r.Column)));
    }
}
