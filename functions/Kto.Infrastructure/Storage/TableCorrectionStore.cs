using System.Runtime.CompilerServices;
using Azure;
using Kto.Core.Population;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The corrections table (<see cref="CorrectionRows"/>) and the services as delivered, with their klantnummers from
/// the contacts table (the bureau's page finds a client by it; null once retention deleted the contact data).
/// </summary>
public sealed class TableCorrectionStore(TableServiceClient tables) : ICorrectionStore
{
    private readonly TableClient corrections = tables.GetTableClient(StorageNames.CorrectionsTable);
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);

    private static readonly string[] KlantnummerColumn = ["RowKey", ContactRows.Klantnummer];

    public async IAsyncEnumerable<ServiceCorrection> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in corrections.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (CorrectionRows.Read(company, year, e) is { } correction) yield return correction;
    }

    public async Task<IReadOnlyList<ServiceCorrection>> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var list = new List<ServiceCorrection>();
        await foreach (var e in corrections.QueryAsync<TableEntity>(CorrectionRows.ServiceFilter(service), cancellationToken: cancellationToken))
            if (CorrectionRows.Read(service.Company, service.Year, e) is { } correction) list.Add(correction);
        return list.OrderBy(c => c.Sequence).ToList();
    }

    public async Task<bool> TryAddAsync(ServiceCorrection correction, CancellationToken cancellationToken)
    {
        // The service row first: the questionnaire page reads corrections only for a marked row.
        await ServiceMarks.SetAsync(services, ServiceRows.CorrectionComing(correction.Service), cancellationToken);
        try
        {
            await corrections.AddEntityAsync(CorrectionRows.Write(correction), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<DeliveredService?> GetServiceAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var partition = TableKeys.CompanyYear(service.Company, service.Year);
        var found = await services.GetEntityIfExistsAsync<TableEntity>(partition, service.ServiceId, ServiceRows.ReportColumns, cancellationToken);
        if (!found.HasValue || ServiceRows.Read(found.Value!) is not { Perceel: { } perceel, Einddatum: { } einddatum }) return null;
        var contact = await contacts.GetEntityIfExistsAsync<TableEntity>(partition, service.ServiceId, KlantnummerColumn, cancellationToken);
        return new DeliveredService(service, perceel, einddatum, contact.HasValue ? contact.Value!.GetString(ContactRows.Klantnummer) : null);
    }

    public async IAsyncEnumerable<DeliveredService> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        var klantnummers = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var e in contacts.QueryAsync<TableEntity>(filter, select: KlantnummerColumn, cancellationToken: cancellationToken))
            klantnummers[e.RowKey] = e.GetString(ContactRows.Klantnummer);
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: ServiceRows.ReportColumns, cancellationToken: cancellationToken))
            if (ServiceRows.Read(e) is { Perceel: { } perceel, Einddatum: { } einddatum } row)
                yield return new DeliveredService(new ServiceRef(company, year, row.Id), perceel, einddatum, klantnummers.GetValueOrDefault(row.Id));
    }
}
