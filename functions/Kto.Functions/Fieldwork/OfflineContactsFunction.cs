using Kto.Core.Fieldwork;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Fieldwork;

/// <summary>
/// For the bureau: the clients e-mail cannot reach, as a CSV (<see cref="OfflineContactsCsv"/>) with address, phone
/// and a personal link for the letter.
/// </summary>
public sealed class OfflineContactsFunction(OfflineContactService offline, TimeProvider time, ILogger<OfflineContactsFunction> logger)
{
    [BureauOnly]
    [Function(nameof(OfflineContacts))]
    public async Task<IActionResult> OfflineContacts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/offline-contacts")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();

        var export = await offline.ExportCsvAsync(company, year, cancellationToken);
        logger.LogInformation("Offline contact list for {CompanyId} {Year}: {Count} clients", company, year, export.Count);
        return new FileContentResult(export.Csv, "text/csv; charset=utf-8") { FileDownloadName = $"offline-{company}-{year}.csv" };
    }
}
