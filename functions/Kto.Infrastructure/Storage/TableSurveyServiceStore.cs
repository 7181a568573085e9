using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>The survey state of single services (responded, opted out) in the services table.</summary>
public sealed class TableSurveyServiceStore(TableServiceClient tables, ICompanyStore companies) : ISurveyServiceStore
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    // Every questionnaire page shows its company's name. Companies are only ever added, never renamed, so a name
    // once read is kept: one table read less per page (measured: a quarter of the storage work of a page).
    private readonly ConcurrentDictionary<string, string> companyNames = new(StringComparer.Ordinal);

    public async Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await services.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        // A row without a perceel or end date is not a service ingest wrote: no questionnaire for it.
        if (ServiceRows.Read(found.Value!) is not { Perceel: { } perceel, Einddatum: { } einddatum } row) return null;
        return new ServiceSnapshot(service, perceel, einddatum, row.Status, await CompanyNameAsync(service.Company, cancellationToken));
    }

    private async Task<string> CompanyNameAsync(string companyId, CancellationToken cancellationToken)
    {
        if (companyNames.TryGetValue(companyId, out var name)) return name;
        var company = await companies.GetAsync(companyId, cancellationToken);
        // An unknown company is not kept: it shows its id now and its name once registered.
        return company is null ? companyId : companyNames.GetOrAdd(companyId, company.Name);
    }

    public async Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken)
    {
        var partition = ServiceRows.Partition(service);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await services.GetEntityIfExistsAsync<TableEntity>(partition, service.ServiceId, cancellationToken: cancellationToken);
            if (!found.HasValue) return false;
            if (ServiceRows.Read(found.Value!).Responded) return false;
            try
            {
                await services.UpdateEntityAsync(ServiceRows.Responded(service, grade), found.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed meanwhile (a mail job recorded an attempt): read again and retry.
            }
        }
        throw new InvalidOperationException("The service kept changing while its response was recorded.");
    }

    public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) =>
        services.UpdateEntityAsync(ServiceRows.OptedOut(service), ETag.All, TableUpdateMode.Merge, cancellationToken);
}
