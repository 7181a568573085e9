using Azure.Data.Tables;
using Kto.Core.Deliveries;

namespace Kto.Infrastructure.Storage;

/// <summary>Maps a new service to its two table rows: the pseudonymous service and its contact data.</summary>
public static class ServiceEntities
{
    public static TableEntity Service(string partition, NewService s) => new(partition, s.Id)
    {
        [ServiceColumns.Perceel] = s.Service.Perceel.ToString(),
        [ServiceColumns.Einddatum] = s.Service.Einddatum.ToString("yyyy-MM-dd"),
        [ServiceColumns.Startdatum] = s.Service.Startdatum?.ToString("yyyy-MM-dd"),
        [ServiceColumns.RedenBeeindiging] = s.Service.RedenBeeindiging,
        [ServiceColumns.Opdrachtgever] = s.Service.Opdrachtgever,
        [ServiceColumns.DeliveryId] = s.DeliveryId,
        [ServiceColumns.ReceivedAt] = s.ReceivedAt,
        [ServiceColumns.HasEmail] = !string.IsNullOrEmpty(s.Service.Email),
    };

    public static TableEntity Contact(string partition, NewService s) => new(partition, s.Id)
    {
        ["Klantnummer"] = s.Service.Klantnummer,
        ["Voornaam"] = s.Service.Voornaam,
        ["Voorletters"] = s.Service.Voorletters,
        ["Tussenvoegsel"] = s.Service.Tussenvoegsel,
        ["Achternaam"] = s.Service.Achternaam,
        ["Email"] = s.Service.Email,
        ["Telefoon"] = s.Service.Telefoon,
        ["Adres"] = s.Service.Adres,
        ["Postcode"] = s.Service.Postcode,
        ["Woonplaats"] = s.Service.Woonplaats,
    };
}
