using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The klantnummers and name fields of a company's clients for one year, read from the contacts table (only those
/// columns) for the open-answer redactor. Nothing else of the contact data is read; nothing is kept.
/// </summary>
public sealed class TableClientIdentifierSource(TableServiceClient tables) : IClientIdentifierSource
{
    private static readonly string[] Columns = ["RowKey", ContactRows.Klantnummer, ContactRows.Voornaam, ContactRows.Voorletters, ContactRows.Tussenvoegsel, ContactRows.Achternaam];
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);

    public async Task<ClientIdentifiers> ForYearAsync(string company, int year, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var klantnummers = new List<string>();
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in contacts.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: cancellationToken))
        {
            if (e.GetString(ContactRows.Klantnummer) is { Length: > 0 } klantnummer) klantnummers.Add(klantnummer);
            names[e.RowKey] = new[] { ContactRows.Voornaam, ContactRows.Voorletters, ContactRows.Tussenvoegsel, ContactRows.Achternaam }
                .Select(e.GetString).OfType<string>().Where(p => p.Length > 0).ToList();
        }
        return new ClientIdentifiers(names, klantnummers);
    }

    /// <summary>One contact row, only the same columns: an answer is redacted as it is stored without reading the whole year.</summary>
    public async Task<ClientIdentifiers> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await contacts.GetEntityIfExistsAsync<TableEntity>(TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId,
            select: Columns, cancellationToken: cancellationToken);
        if (!found.HasValue) return ClientIdentifiers.None;
        var e = found.Value!;
        var parts = new[] { ContactRows.Voornaam, ContactRows.Voorletters, ContactRows.Tussenvoegsel, ContactRows.Achternaam }
            .Select(e.GetString).OfType<string>().Where(p => p.Length > 0).ToList();
        var klantnummers = e.GetString(ContactRows.Klantnummer) is { Length: > 0 } k ? new[] { k } : [];
        return new ClientIdentifiers(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [service.ServiceId] = parts }, klantnummers);
    }
}
