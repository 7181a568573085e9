using Kto.Core;
using Kto.Core.Access;
using Kto.Core.Progress;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Companies;

/// <summary>Response so far, per perceel, for a company and a year (default: the current year).</summary>
public sealed class ProgressFunction(AccessService access, ProgressService progress, TimeProvider time)
{
    [Function(nameof(Progress))]
    public async Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "companies/{company}/progress")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var caller = await access.IdentifyAsync(request, cancellationToken);
        if (caller.Kind == CallerKind.Anonymous) return ApiResults.Unauthorized();
        if (!caller.MaySee(company)) return ApiResults.Forbidden();

        var yearText = request.Query["year"].ToString();
        var year = DutchTime.Today(time).Year;
        if (yearText.Length > 0 && (!int.TryParse(yearText, out year) || year is < 2000 or > 2100))
            return ApiResults.BadRequest("invalid-year", "Geef het jaar als ?year=2026.");

        var percelen = await progress.ForYearAsync(company, year, cancellationToken);
        return ApiResults.Json(new { company, year, percelen });
    }
}
