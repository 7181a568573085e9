using System.Globalization;
using Kto.Core.Keurmerk;
using Kto.Core.Reports;

namespace Kto.Functions.Keurmerk;

/// <summary>
/// The Blik op Werk Keurmerk report of a company and year: keurmerk.pdf, keurmerk.xlsx or keurmerk.json, with the figures
/// of now; <c>?version=draft</c> the stored draft, <c>?version=N</c> signed version N.
/// </summary>
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
        // ?version=draft or ?version=N: the stored draft or a signed version; without it the figures of now.
        var asked = request.Query["version"].ToString();
        if (asked.Length > 0)
        {
            ReportVersionChoice choice;
            if (asked == "draft") choice = ReportVersionChoice.Draft;
            else if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) choice = ReportVersionChoice.Signed(number);
            else return ApiResults.BadRequest("invalid-version", "Geef ?version= als een versienummer of 'draft'.");
            if (await keurmerk.ReadFileAsync(company, year, choice, format, cancellationToken) is not { } stored)
                return ApiResults.NotFound("Dit bestand bestaat (nog) niet.");
            var label = choice.Number is { } v ? $"v{v}" : "concept";
            return new FileContentResult(stored.Content, stored.ContentType) { FileDownloadName = $"keurmerk-{year}-{company}-{label}{Path.GetExtension(stored.FileName)}" };
        }
        if (await keurmerk.FileAsync(company, year, format, cancellationToken) is not { } found)
            return ApiResults.NotFound("Dit bedrijf bestaat niet.");
        return new FileContentResult(found.Content, found.ContentType) { FileDownloadName = $"keurmerk-{year}-{company}{Path.GetExtension(found.FileName)}" };
    }
}
