using System.Globalization;
using Kto.Core.Access;
using Kto.Functions.Http;
using Kto.Infrastructure.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Reports;

/// <summary>
/// Downloads report.pdf, report.xlsx or report.json. <c>?version=N</c> a signed version, <c>?version=draft</c> the
/// draft; without it the latest signed version, or the draft while nothing is signed.
/// </summary>
public sealed class ReportFileFunction(AccessService access, AnnualReportService reports)
{
    [Function(nameof(ReportFile))]
    public async Task<IActionResult> ReportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{year:int}/{company}/{file}")] HttpRequest request,
        int year,
        string company,
        string file,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessMaySeeAsync(request, company, cancellationToken) is { } denied) return denied;
        if (ReportFileNames.ContentType(file) is not { } contentType)
            return ApiResults.NotFound($"Kies {string.Join(", ", ReportFileNames.All)}.");

        int? version;
        var asked = request.Query["version"].ToString();
        if (asked == "draft") version = null;
        else if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) version = number;
        else if (asked.Length == 0) version = (await reports.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault()?.Version;
        else return ApiResults.BadRequest("invalid-version", "Geef ?version= als een versienummer of 'draft'.");

        var content = await reports.ReadFileAsync(company, year, version, file, cancellationToken);
        if (content is null) return ApiResults.NotFound("Dit bestand bestaat (nog) niet.");
        var name = $"kto-{year}-{company}-{(version is { } v ? $"v{v}" : "concept")}{Path.GetExtension(file)}";
        return new FileContentResult(content, contentType) { FileDownloadName = name };
    }
}
