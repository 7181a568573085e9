using Kto.Core.Keurmerk;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Keurmerk;

/// <summary>The Blik op Werk Keurmerk report of a company and year: keurmerk.pdf, keurmerk.xlsx or keurmerk.json, with the figures of now.</summary>
public sealed class KeurmerkReportFunction(KeurmerkReportService keurmerk)
{
    [CompanyAccess]
    [Function(nameof(KeurmerkReport))]
    public async Task<IActionResult> KeurmerkReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/keurmerk/{year:int}/{company}/{file}")] HttpRequest request,
        int year,
        string company,
        string file,
        CancellationToken cancellationToken)
    {
        if (!file.StartsWith("keurmerk.", StringComparison.Ordinal) || !KeurmerkFormats.TryParse(Path.GetExtension(file).TrimStart('.'), out var format))
            return ApiResults.NotFound("Kies keurmerk.pdf, keurmerk.xlsx of keurmerk.json.");
        if (!YearQuery.IsValid(year)) return YearQuery.Invalid();
        if (await keurmerk.FileAsync(company, year, format, cancellationToken) is not { } found)
            return ApiResults.NotFound("Dit bedrijf bestaat niet.");
        return new FileContentResult(found.Content, found.ContentType) { FileDownloadName = $"keurmerk-{year}-{company}{Path.GetExtension(found.FileName)}" };
    }
}
