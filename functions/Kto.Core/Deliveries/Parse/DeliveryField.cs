namespace Kto.Core.Deliveries;

/// <summary>The columns of the delivery contract; every other column is ignored and never stored.</summary>
internal enum DeliveryField
{
    Klantnummer,
    Voornaam,
    Voorletters,
    Tussenvoegsel,
    Achternaam,
    Email,
    Telefoon,
    Adres,
    Postcode,
    Woonplaats,
    Perceel,
    Startdatum,
    Einddatum,
    RedenBeeindiging,
    Opdrachtgever,

    // The opdrachtgever list (Blik op Werk): organisation, contact person, e-mail, phone, number of trajectories, year.
    Organisatie,
    Contactpersoon,
    AantalTrajecten,
    Jaar,
}
