using System.Globalization;
using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>
/// Downloads report.pdf, report.xlsx or report.json. <c>?version=N</c> a signed version, <c>?version=draft</c> the
/// draft; without it the latest signed version, or the draft while nothing is signed.
/// </summary>
public sealed class ReportFileFunction(ReportFilesService reports)
{
    [CompanyAccess]
    [Function(nameof(ReportFile))]
    public async Task<IActionResult> ReportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{year:int}/{company}/{file}")] HttpRequest request,
        int year,
        string company,
        string file,
        CancellationToken cancellationToken)
    {
        if (ReportFileNames.ContentType(file) is not { } contentType)
            return ApiResults.NotFound($"Kies {string.Join(", ", ReportFileNames.All)}.");

        ReportVersionChoice choice;
        var asked = request.Query["version"].ToString();
        if (asked == "draft") choice = ReportVersionChoice.Draft;
        else if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) choice = ReportVersionChoice.Signed(number);
        else if (asked.Length == 0) choice = ReportVersionChoice.Latest;
        else return ApiResults.BadRequest("invalid-version", "Geef ?version= als een versienummer of 'draft'.");

        if (await reports.ReadFileAsync(company, year, choice, file, cancellationToken) is not { } found)
            return ApiResults.NotFound("Dit bestand bestaat (nog) niet.");
        var name = $"kto-{year}-{company}-{(found.Version is { } v ? $"v{v}" : "concept")}{Path.GetExtension(file)}";
        return new FileContentResult(found.Content, contentType) { FileDownloadName = name };
    }
}
