using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Which kind of list a header makes, which columns each kind stores, and the BSN column names at their edges.</summary>
public class HeaderKindTests
{
    private static DeliveryField Field(string name) => Enum.Parse<DeliveryField>(name);

    [Fact]
    public void Organisation_contact_and_email_without_a_klantnummer_make_an_opdrachtgever_list()
    {
        Assert.Equal(DeliveryKind.Opdrachtgevers,
            HeaderMap.KindOf([DeliveryField.Organisatie, DeliveryField.Contactpersoon, DeliveryField.Email, DeliveryField.Jaar]));
    }

    [Fact]
    public void A_klantnummer_makes_a_client_export_whatever_else_is_there()
    {
        Assert.Equal(DeliveryKind.Clients,
            HeaderMap.KindOf([DeliveryField.Klantnummer, DeliveryField.Organisatie, DeliveryField.Contactpersoon, DeliveryField.Email]));
    }

    [Theory]
    [InlineData("Organisatie")]
    [InlineData("Contactpersoon")]
    [InlineData("Email")]
    public void An_opdrachtgever_list_needs_all_three_of_its_columns(string missing)
    {
        var columns = HeaderMap.OpdrachtgeverRequired.Where(f => f != Field(missing)).ToList();
        Assert.Equal(DeliveryKind.Clients, HeaderMap.KindOf(columns));
    }

    [Theory]
    [InlineData("Organisatie", false, true)]
    [InlineData("Contactpersoon", false, true)]
    [InlineData("AantalTrajecten", false, true)]
    [InlineData("Jaar", false, true)]
    [InlineData("Email", true, true)]
    [InlineData("Telefoon", true, true)]
    [InlineData("Klantnummer", true, false)]
    [InlineData("Achternaam", true, false)]
    [InlineData("Adres", true, true)] // optional on an opdrachtgever list: an address makes a letter possible
    [InlineData("Postcode", true, true)]
    [InlineData("Woonplaats", true, true)]
    [InlineData("Einddatum", true, false)]
    public void Each_kind_of_list_stores_only_its_own_columns(string field, bool inClientExport, bool inOpdrachtgeverList)
    {
        Assert.Equal(inClientExport, HeaderMap.Belongs(DeliveryKind.Clients, Field(field)));
        Assert.Equal(inOpdrachtgeverList, HeaderMap.Belongs(DeliveryKind.Opdrachtgevers, Field(field)));
    }

    [Theory]
    [InlineData("RedenBeeindiging", "reden beëindiging")]
    [InlineData("AantalTrajecten", "aantal trajecten")]
    [InlineData("Einddatum", "einddatum")]
    [InlineData("Klantnummer", "klantnummer")]
    public void A_missing_column_is_named_as_the_contract_names_it(string field, string name) =>
        Assert.Equal(name, HeaderMap.ContractName(Field(field)));

    [Theory]
    [InlineData("bsnnr", true)]
    [InlineData("BSN-nummer", true)]
    [InlineData("sofi nr", true)]
    [InlineData("klant (bsn)", true)]
    [InlineData("bsn/sofi", true)]
    [InlineData("burgerservicenummer klant", true)]
    [InlineData("oud sofinummer", true)]
    [InlineData("absnummer", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Bsn_column_names_in_every_writing_and_nothing_else(string? header, bool isBsn) =>
        Assert.Equal(isBsn, HeaderMap.IsBsnName(header));

    [Theory]
    [InlineData("Aantal trajecten", "AantalTrajecten")]
    [InlineData("Meetjaar", "Jaar")]
    [InlineData("Organisatienaam", "Organisatie")]
    [InlineData("Contactpersoon", "Contactpersoon")]
    [InlineData("Startdatum", "Startdatum")]
    [InlineData("Woonplaats", "Woonplaats")]
    [InlineData("Postcode", "Postcode")]
    [InlineData("Voornaam", "Voornaam")]
    [InlineData("Achternaam", "Achternaam")]
    public void The_contracts_other_column_names_are_understood(string header, string field)
    {
        Assert.True(HeaderMap.TryMatch(header, out var matched));
        Assert.Equal(Field(field), matched);
    }

    [Fact]
    public void The_client_export_requires_klantnummer_perceel_and_einddatum()
    {
        Assert.Equal([DeliveryField.Klantnummer, DeliveryField.Perceel, DeliveryField.Einddatum], HeaderMap.Required);
    }
}
