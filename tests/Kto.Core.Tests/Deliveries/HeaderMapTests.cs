using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class HeaderMapTests
{
    [Theory]
    [InlineData("klantnummer", "Klantnummer")]
    [InlineData("Klant-nummer", "Klantnummer")]
    [InlineData("KLANT_NR", "Klantnummer")]
    [InlineData("cliëntnummer", "Klantnummer")]
    [InlineData("Clientnummer", "Klantnummer")]
    [InlineData("Relatienummer", "Klantnummer")]
    [InlineData("E-mailadres", "Email")]
    [InlineData("e_mail", "Email")]
    [InlineData("Emailadres", "Email")]
    [InlineData("Telefoonnummer", "Telefoon")]
    [InlineData("Mobiel", "Telefoon")]
    [InlineData("Datum einde", "Einddatum")]
    [InlineData("Einddatum traject", "Einddatum")]
    [InlineData("EINDDATUM", "Einddatum")]
    [InlineData("Reden beëindiging", "RedenBeeindiging")]
    [InlineData("reden beeindiging", "RedenBeeindiging")]
    [InlineData("Resultaat", "RedenBeeindiging")]
    [InlineData("Voorletters", "Voorletters")]
    [InlineData("Tussen-voegsel", "Tussenvoegsel")]
    [InlineData(" Perceel ", "Perceel")]
    [InlineData("Opdrachtgever", "Opdrachtgever")]
    public void Names_and_aliases_match_ignoring_case_spacing_and_diacritics(string header, string expected)
    {
        Assert.True(HeaderMap.TryMatch(header, out var field));
        Assert.Equal(expected, field.ToString());
    }

    [Theory]
    [InlineData("Geboortedatum")]
    [InlineData("nummer")]
    [InlineData("")]
    public void Other_names_do_not_match(string header) => Assert.False(HeaderMap.TryMatch(header, out _));

    [Theory]
    [InlineData("BSN", true)]
    [InlineData("bsn", true)]
    [InlineData("B S N", true)]
    [InlineData("Burgerservicenummer", true)]
    [InlineData("burger service nummer", true)]
    [InlineData("Sofinummer", true)]
    [InlineData("Sofi-nummer", true)]
    [InlineData("SOFI_NUMMER", true)]
    [InlineData("bsn klant", true)]
    [InlineData("Klant BSN", true)]
    [InlineData("jobs nummer", false)]
    [InlineData("klantnummer", false)]
    public void Bsn_names_are_recognised(string header, bool expected) => Assert.Equal(expected, HeaderMap.IsBsnName(header));

    [Theory]
    [InlineData("klantnr", "Klantnummer")]
    [InlineData("Voornaam", "Voornaam")]
    [InlineData("Achternaam", "Achternaam")]
    [InlineData("Email", "Email")]
    [InlineData("E-mail", "Email")]
    [InlineData("Telefoon", "Telefoon")]
    [InlineData("Adres", "Adres")]
    [InlineData("Postcode", "Postcode")]
    [InlineData("Woonplaats", "Woonplaats")]
    [InlineData("Startdatum", "Startdatum")]
    [InlineData("Organisatie", "Organisatie")]
    [InlineData("Organisatienaam", "Organisatie")]
    [InlineData("Contactpersoon", "Contactpersoon")]
    [InlineData("Aantal trajecten", "AantalTrajecten")]
    [InlineData("Trajecten", "AantalTrajecten")]
    [InlineData("Jaar", "Jaar")]
    [InlineData("Meetjaar", "Jaar")]
    public void Every_column_name_of_the_delivery_contract_is_recognised(string header, string expected)
    {
        // The contract (README) promises these names: a company that uses one must never see its column ignored.
        Assert.True(HeaderMap.TryMatch(header, out var field));
        Assert.Equal(expected, field.ToString());
    }

    [Theory]
    [InlineData("BSN-nummer")]
    [InlineData("bsn nr")]
    [InlineData("Sofi nr")]
    [InlineData("SOFI")]
    [InlineData("nr.(bsn)")]
    [InlineData("klant/bsn")]
    [InlineData("id:bsn")]
    [InlineData("bsn_klant")]
    public void Every_BSN_column_name_is_recognised_alone_or_as_a_word(string header)
    {
        // Privacy: a column named for BSNs refuses the file, however the word is written or set off from the rest.
        Assert.True(HeaderMap.IsBsnName(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_blank_header_is_no_BSN_name_and_no_contract_column(string? header)
    {
        // An unnamed column is judged by its values (the census), not by a name it does not have.
        Assert.False(HeaderMap.IsBsnName(header));
        Assert.False(HeaderMap.TryMatch(header, out _));
    }

    [Theory]
    [InlineData("RedenBeeindiging", "reden beëindiging")]
    [InlineData("AantalTrajecten", "aantal trajecten")]
    [InlineData("Klantnummer", "klantnummer")]
    [InlineData("Email", "email")]
    public void A_missing_column_is_named_as_the_contract_writes_it(string field, string expected)
    {
        // The refusal names the column the company must add, in the contract's own words.
        Assert.Equal(expected, HeaderMap.ContractName(Enum.Parse<DeliveryField>(field)));
    }

    [Theory]
    [InlineData("#")]
    [InlineData("-")]
    [InlineData("(…)")]
    public void A_header_of_only_punctuation_is_no_contract_column_and_no_BSN_name(string header)
    {
        // "#" over a column of row numbers is common; it folds to nothing, and nothing is no column name:
        // the column is ignored with a warning, never taken for klantnummer or email, and never refuses the file.
        Assert.False(HeaderMap.TryMatch(header, out _));
        Assert.False(HeaderMap.IsBsnName(header));
    }

    [Theory]
    [InlineData("Burger service nummer klant")]
    [InlineData("KlantSofinummer")]
    public void A_BSN_name_inside_a_longer_name_is_recognised_even_when_no_word_is_one(string header)
    {
        // No single word is a BSN name here ("burger", "service", "klantsofinummer"): the folded whole name gives it away.
        Assert.True(HeaderMap.IsBsnName(header));
    }
}
