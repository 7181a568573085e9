using Kto.Core;
using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>
/// The exemption request letter (PDF) for a perceel with too few ended services, for the company to send to its UWV
/// account manager. Bureau only: the bureau hands it over with the report. The perceel in the route may be written
/// any accepted way (naar-werk, "Naar werk", praktijkassessment). Without a perceel: the percelen that qualify.
/// </summary>
public sealed class ExemptionLetterFunction(ExemptionLetterService letters, ReportSettings settings)
{
    /// <summary>Which percelen may ask for exemption this year, each with its letter's route (what <c>./kto exemption</c> reads).</summary>
    [BureauOnly]
    [Function(nameof(ExemptionLetters))]
    public async Task<IActionResult> ExemptionLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{year:int}/{company}/exemption")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken)
    {
        if (await letters.ChoicesAsync(company, year, cancellationToken) is not { } choices)
            return ApiResults.NotFound($"Er is nog geen rapport over {year}. Start het rapport: POST /api/reports/{year}/{company}.");
        return ApiResults.Json(new
        {
            company,
            year,
            threshold = settings.ExemptionThreshold,
            percelen = choices.Select(c => new
            {
                perceel = PerceelNames.DisplayName(c.Perceel),
                slug = ExemptionLetterLinks.Slug(c.Perceel),
                ended = c.Ended,
                letter = ExemptionLetterLinks.Api(year, company, c.Perceel),
            }),
        });
    }

    [BureauOnly]
    [Function(nameof(ExemptionLetter))]
    public async Task<IActionResult> ExemptionLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{year:int}/{company}/exemption/{perceel}")] HttpRequest request,
        int year,
        string company,
        string perceel,
        CancellationToken cancellationToken)
    {
        if (!PerceelNames.TryParse(perceel, out var chosen))
            return ApiResults.Error(StatusCodes.Status404NotFound, "unknown-perceel",
                $"Onbekend perceel. Kies uit: {string.Join(", ", PerceelNames.All.Select(ExemptionLetterLinks.Slug))}.");
        var result = await letters.CreateAsync(company, year, chosen, cancellationToken);
        return result.Outcome switch
        {
            ExemptionLetterOutcome.NoReport =>
                ApiResults.NotFound($"Er is nog geen rapport over {year}. Start het rapport: POST /api/reports/{year}/{company}."),
            ExemptionLetterOutcome.NotEligible => ApiResults.Error(StatusCodes.Status409Conflict, "not-eligible",
                $"{PerceelNames.DisplayName(chosen)} had in {year} {result.Ended} beëindigde diensten; vrijstelling kan alleen bij minder dan {settings.ExemptionThreshold}."),
            _ => new FileContentResult(result.Pdf!, "application/pdf") { FileDownloadName = ExemptionLetterLinks.FileName(year, company, chosen) },
        };
    }
}
