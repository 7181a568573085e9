namespace Kto.Core.Keurmerk;

/// <summary>
/// One opdrachtgever of a company in a year, as the company delivered it (Blik op Werk): the organisation that
/// commissioned trajectories, whom to ask there (e-mail, phone, and optionally a postal address for a letter), and
/// how many trajectories it commissioned.
/// </summary>
public sealed record Opdrachtgever
{
    public required int Year { get; init; }
    public required string Organisatie { get; init; }
    public string? Contactpersoon { get; init; }
    public string? Email { get; init; }
    public string? Telefoon { get; init; }
    public string? Adres { get; init; }
    public string? Postcode { get; init; }
    public string? Woonplaats { get; init; }
    public int? AantalTrajecten { get; init; }

    public string Id => OpdrachtgeverIds.Of(Organisatie);
}
