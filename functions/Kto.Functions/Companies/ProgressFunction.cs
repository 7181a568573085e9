using Kto.Core.Companies;
using Kto.Core.Progress;

namespace Kto.Functions.Companies;

/// <summary>Response so far, per perceel and of the opdrachtgevers (Blik op Werk), for a company and a year (default: the current year).</summary>
public sealed class ProgressFunction(ProgressService progress, ICompanyStore companies, TimeProvider time)
{
    [CompanyAccess]
    [Function(nameof(Progress))]
    public async Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/progress")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();
        // Only the bureau key reaches an unknown id (a company key names its own company): no figures of nobody.
        if (await companies.GetAsync(company, cancellationToken) is null)
            return ApiResults.NotFound($"Er is geen bedrijf met id '{company}'.");

        var percelen = await progress.ForYearAsync(company, year, cancellationToken);
        var opdrachtgevers = await progress.OpdrachtgeversAsync(company, year, cancellationToken);
        return ApiResults.Json(new { company, year, percelen, opdrachtgevers });
    }
}
