using System.Collections.Concurrent;
using Azure;
using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The survey state of single services (responded, opted out) in the services table: a page reads the row once, and
/// what it knows of corrections and a response (<see cref="ServiceColumns.MayHaveResponse"/>) spares the reads of those tables.
/// </summary>
public sealed class TableSurveyServiceStore(TableServiceClient tables, ICompanyStore companies) : ISurveyServiceStore
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    // Every questionnaire page shows its company's name. Companies are only ever added, never renamed, so a name
    // once read is kept: one table read less per page (measured: a quarter of the storage work of a page).
    private readonly ConcurrentDictionary<string, string> companyNames = new(StringComparer.Ordinal);

    public async Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await services.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, ServiceRows.SurveyColumns, cancellationToken);
        if (!found.HasValue) return null;
        // A row without a perceel or end date is not a service ingest wrote: no questionnaire for it.
        if (ServiceRows.Read(found.Value!) is not { Perceel: { } perceel, Einddatum: { } einddatum } row) return null;
        return new ServiceSnapshot(service, perceel, einddatum, row.Status, await CompanyNameAsync(service.Company, cancellationToken),
            MayHaveCorrections: row.MayHaveCorrections, MayHaveResponse: row.MayHaveResponse);
    }

    private async Task<string> CompanyNameAsync(string companyId, CancellationToken cancellationToken)
    {
        if (companyNames.TryGetValue(companyId, out var name)) return name;
        var company = await companies.GetAsync(companyId, cancellationToken);
        // An unknown company is not kept: it shows its id now and its name once registered.
        return company is null ? companyId : companyNames.GetOrAdd(companyId, company.Name);
    }

    public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) =>
        MarkRespondedAsync(services, service, grade, cancellationToken);

    /// <summary>
    /// One merge, without reading the row first: there is one response per service, so every mark writes the same
    /// grade, and a merge of these columns never undoes a mail run's (opdrachtgevers' rows too).
    /// </summary>
    internal static async Task<bool> MarkRespondedAsync(TableClient table, ServiceRef service, int? grade, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(ServiceRows.Responded(service, grade), ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) =>
        services.UpdateEntityAsync(ServiceRows.OptedOut(service), ETag.All, TableUpdateMode.Merge, cancellationToken);
}
