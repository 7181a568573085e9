using System.Text.Json;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the opdrachtgever tables (Blik op Werk). Keys as the services: <c>{company}_{year}</c> / id.
/// The state row uses the services table's fieldwork columns (<see cref="ServiceColumns"/>), so claims, recorded
/// attempts, responded and opted out are the very same merges (<see cref="ServiceRows"/>); contact data is in a
/// table of its own, as for clients; responses carry version, answers, time, and the mode and who entered a phone or
/// paper answer as <see cref="ResponseRows"/> (no perceel: an opdrachtgever has none).
/// </summary>
public static class OpdrachtgeverRows
{
    public const string AantalTrajecten = "AantalTrajecten";
    public const string Organisatie = "Organisatie";
    public const string Contactpersoon = "Contactpersoon";

    public static readonly IReadOnlyList<string> KnownColumns = ServiceRows.KnownColumns;

    public static TableEntity New(string partition, NewOpdrachtgever o) => new(partition, o.Opdrachtgever.Id)
    {
        [AantalTrajecten] = o.Opdrachtgever.AantalTrajecten,
        [ServiceColumns.DeliveryId] = o.DeliveryId,
        [ServiceColumns.ReceivedAt] = o.ReceivedAt,
        [ServiceColumns.HasEmail] = !string.IsNullOrEmpty(o.Opdrachtgever.Email),
        [ServiceColumns.MayHaveResponse] = false,
    };

    public static TableEntity NewContact(string partition, NewOpdrachtgever o) => new(partition, o.Opdrachtgever.Id)
    {
        [Organisatie] = o.Opdrachtgever.Organisatie,
        [Contactpersoon] = o.Opdrachtgever.Contactpersoon,
        [ContactRows.Email] = o.Opdrachtgever.Email,
        [ContactRows.Telefoon] = o.Opdrachtgever.Telefoon,
        [ContactRows.Adres] = o.Opdrachtgever.Adres,
        [ContactRows.Postcode] = o.Opdrachtgever.Postcode,
        [ContactRows.Woonplaats] = o.Opdrachtgever.Woonplaats,
    };

    /// <summary>
    /// The contact as the mail job takes it: the organisation in the klantnummer's place (never shown in a mail) and
    /// the contact person as the name, so the salutation is "Beste {contactpersoon}".
    /// </summary>
    public static ContactDetails ReadContact(TableEntity e) => new(
        e.GetString(Organisatie) ?? "", null, null, null, e.GetString(Contactpersoon),
        e.GetString(ContactRows.Email), e.GetString(ContactRows.Telefoon),
        e.GetString(ContactRows.Adres), e.GetString(ContactRows.Postcode), e.GetString(ContactRows.Woonplaats));

    public static OpdrachtgeverEntry ReadEntry(TableEntity e) => new(e.RowKey, e.GetInt32(AantalTrajecten));

    public static TableEntity Response(StoredResponse response) =>
        new(TableKeys.CompanyYear(response.Service.Company, response.Service.Year), response.Service.ServiceId)
        {
            [ResponseRows.Version] = response.Answers.Version,
            [ResponseRows.Answers] = JsonSerializer.Serialize(response.Answers.Values, KtoJson.Options),
            [ResponseRows.SubmittedAt] = response.SubmittedAt,
            [ResponseRows.Mode] = ResponseModes.Name(response.Mode),
            [ResponseRows.EnteredBy] = response.EnteredBy,
        };

    public static StoredResponse ReadResponse(ServiceRef service, TableEntity e)
    {
        var values = e.GetString(ResponseRows.Answers) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, AnswerValue>>(json, KtoJson.Options) ?? []
            : [];
        return new StoredResponse(service, default, new Answers(e.GetString(ResponseRows.Version) ?? "", values),
            e.GetDateTimeOffset(ResponseRows.SubmittedAt) ?? default,
            // A row from before modes existed was answered on the web page (the only way then).
            ResponseModes.Parse(e.GetString(ResponseRows.Mode)) ?? ResponseMode.Web,
            e.GetString(ResponseRows.EnteredBy));
    }
}
