namespace Kto.Core.Deliveries;

/// <summary>
/// One client whose service ended, as a company delivered it: only the columns of the delivery contract.
/// Never holds a BSN. Contact fields are null when absent.
/// </summary>
public sealed record EndedService
{
    public required string Klantnummer { get; init; }
    public required Perceel Perceel { get; init; }
    public required DateOnly Einddatum { get; init; }
    public DateOnly? Startdatum { get; init; }
    public string? Voornaam { get; init; }
    public string? Voorletters { get; init; }
    public string? Tussenvoegsel { get; init; }
    public string? Achternaam { get; init; }
    public string? Email { get; init; }
    public string? Telefoon { get; init; }
    public string? Adres { get; init; }
    public string? Postcode { get; init; }
    public string? Woonplaats { get; init; }
    public string? RedenBeeindiging { get; init; }
    public string? Opdrachtgever { get; init; }

    /// <summary>The measurement year a service belongs to: the year of its end date.</summary>
    public int Year => Einddatum.Year;

    /// <summary>Identity of a service within a company: same klantnummer, perceel and end date is the same service.</summary>
    public ServiceKey Key => new(Klantnummer, Perceel, Einddatum);
}
