using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Keurmerk;

namespace Kto.Functions.Portal;

/// <summary>The Blik op Werk Keurmerk report's files for a signed-in company user or the bureau (the API route needs a key).</summary>
public sealed class KeurmerkPortalFunction(PortalGate gate, KeurmerkReportService keurmerk)
{
    [Function(nameof(PortalKeurmerkFile))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalKeurmerkFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}/keurmerk/{year:int}/{file}")] HttpRequest request,
        string company,
        int year,
        string file,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        if (!file.StartsWith("keurmerk.", StringComparison.Ordinal) || !KeurmerkFormats.TryParse(Path.GetExtension(file).TrimStart('.'), out var format)
            || !Http.YearQuery.IsValid(year))
            return gate.NotFound(visitor);
        if (await keurmerk.FileAsync(company, year, format, cancellationToken) is not { } found) return gate.NotFound(visitor);
        return new FileContentResult(found.Content, found.ContentType) { FileDownloadName = $"keurmerk-{year}-{company}{Path.GetExtension(found.FileName)}" };
    }
}
