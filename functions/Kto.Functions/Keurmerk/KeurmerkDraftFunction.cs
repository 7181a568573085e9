using Kto.Core.Keurmerk;

namespace Kto.Functions.Keurmerk;

/// <summary>The bureau drafts the Keurmerk report of a company and year from the figures of now (replacing the draft; signed versions stay).</summary>
public sealed class KeurmerkDraftFunction(KeurmerkReportService keurmerk)
{
    [BureauOnly]
    [Function(nameof(DraftKeurmerk))]
    public async Task<IActionResult> DraftKeurmerk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/keurmerk/{year:int}/{company}")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.IsValid(year)) return YearQuery.Invalid();
        if (await keurmerk.SaveDraftAsync(company, year, cancellationToken) is not { } draft) return ApiResults.NotFound("Dit bedrijf bestaat niet.");
        return ApiResults.Json(new
        {
            company,
            year,
            draft = new { draft.Id, draft.GeneratedAt, normsStatus = draft.ChecklistStatus, links = KeurmerkLinks.Files(year, company, null) },
        }, StatusCodes.Status201Created);
    }
}
