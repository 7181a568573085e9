using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the contacts table: a service's contact data, same keys as its services row, kept apart so it
/// can be deleted on its own schedule.
/// </summary>
public static class ContactRows
{
    public const string Klantnummer = "Klantnummer";
    public const string Voornaam = "Voornaam";
    public const string Voorletters = "Voorletters";
    public const string Tussenvoegsel = "Tussenvoegsel";
    public const string Achternaam = "Achternaam";
    public const string Email = "Email";
    public const string Telefoon = "Telefoon";
    public const string Adres = "Adres";
    public const string Postcode = "Postcode";
    public const string Woonplaats = "Woonplaats";

    /// <summary>The contact row of a newly delivered service (public so bulk loaders write exactly what ingest writes).</summary>
    public static TableEntity New(string partition, NewService s) => new(partition, s.Id)
    {
        [Klantnummer] = s.Service.Klantnummer,
        [Voornaam] = s.Service.Voornaam,
        [Voorletters] = s.Service.Voorletters,
        [Tussenvoegsel] = s.Service.Tussenvoegsel,
        [Achternaam] = s.Service.Achternaam,
        [Email] = s.Service.Email,
        [Telefoon] = s.Service.Telefoon,
        [Adres] = s.Service.Adres,
        [Postcode] = s.Service.Postcode,
        [Woonplaats] = s.Service.Woonplaats,
    };

    public static ContactDetails Read(TableEntity e) => new(
        e.GetString(Klantnummer), e.GetString(Voornaam), e.GetString(Voorletters), e.GetString(Tussenvoegsel),
        e.GetString(Achternaam), e.GetString(Email), e.GetString(Telefoon), e.GetString(Adres), e.GetString(Postcode),
        e.GetString(Woonplaats));
}
