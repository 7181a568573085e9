using System.Globalization;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Portal;
using Kto.Core.Forecast;
using Kto.Core.Progress;
using Kto.Core.Reports;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Portal;

/// <summary>
/// A company's pages: deliveries (with "this month delivered or not" and the upload form), the receipt of one file
/// as a page and as JSON, and progress per perceel with a chart by month. The bureau sees every company; a company
/// user only their own (anything else is the same 404 as a page that does not exist).
/// </summary>
public sealed class CompanyPagesFunction(
    PortalGate gate,
    IDeliveryHistory history,
    IDeliveryStore deliveries,
    IReceiptSheets receiptSheets,
    DeliveryUploadService uploads,
    ProgressService progress,
    ForecastService forecasts,
    ReportSettings norms,
    Kto.Core.Settings.DeliverySettings deliverySettings,
    TimeProvider time)
{
    [Function(nameof(PortalCompanyDeliveries))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalCompanyDeliveries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        return PortalResult.Page(await DeliveriesPageAsync(visitor, found!, null, cancellationToken));
    }

    [Function(nameof(PortalUploadDelivery))]
    [PortalUpload(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalUploadDelivery(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/companies/{company}/deliveries")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();

        await using var upload = await PortalUpload.OpenAsync(request, cancellationToken, maxBodyBytes: RequestLimits.MaxBodyBytes(deliverySettings));
        if (upload.IsUnreadable) return await UploadErrorAsync(visitor, found!, Unreadable, cancellationToken, StatusCodes.Status400BadRequest);
        if (!gate.IsGenuine(request, visitor, upload.FormToken)) return gate.Refused(visitor);
        if (upload.File is null)
            return await UploadErrorAsync(visitor, found!, "Kies bij ‘Bestand’ het bestand dat u wilt aanleveren (.xlsx of .csv).", cancellationToken);
        var name = PortalUpload.SafeFileName(upload.FileName);
        if (!DeliveryFileName.IsValid(name))
            return await UploadErrorAsync(visitor, found!, "Deze bestandsnaam kunnen we niet gebruiken. Geef het bestand een naam met alleen letters, cijfers, punt, streepje of spatie, bijvoorbeeld levering-2026-03.xlsx.", cancellationToken);

        DeliveryUploadOutcome outcome;
        try
        {
            outcome = (await uploads.UploadAsync(visitor.User!.Email, company, name, upload.File, declaredLength: null, cancellationToken)).Outcome;
        }
        catch (Exception e) when (PortalForms.IsUnreadableBody(e))
        {
            // The body broke off inside the file (nothing is stored then: the blob is committed only when read whole).
            return await UploadErrorAsync(visitor, found!, Unreadable, cancellationToken, StatusCodes.Status400BadRequest);
        }
        if (outcome == DeliveryUploadOutcome.NameTaken)
            return await UploadErrorAsync(visitor, found!, $"Er is al een bestand ‘{name}’ aangeleverd. Geef het bestand een nieuwe naam, bijvoorbeeld met de maand erin, en lever het opnieuw aan.", cancellationToken);
        return PortalResult.SeeOther(PortalUrls.Receipt(company, name));
    }

    [Function(nameof(PortalReceipt))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalReceipt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}/deliveries/{file}")] HttpRequest request,
        string company,
        string file,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!DeliveryFileName.IsValid(file)) return gate.NotFound(visitor);

        var receipt = await deliveries.GetReceiptAsync(company, file, cancellationToken);
        var values = new Dictionary<string, object?> { ["company"] = CompanyView(found!), ["file"] = file };
        if (receipt is null)
        {
            // A refused file's upload is deleted just before its receipt is written, so for a moment neither exists:
            // a file not (or no longer) listed gets a few refreshes before the page says it does not exist.
            var known = (await history.ListAsync(company, cancellationToken)).Any(d => d.File == file);
            var waited = int.TryParse(request.Query["wacht"], out var w) && w is >= 0 and < 1000 ? w : 0;
            if (!known && waited >= 10) return gate.NotFound(visitor);
            // Still being processed: the page says so and reloads itself (no script needed).
            var again = PortalUrls.Receipt(company, file) + $"?wacht={waited + 1}";
            return PortalResult.Page(gate.Pages.Render(gate.View(visitor, "processing.liquid", $"{file} wordt verwerkt", values, "deliveries") with { Refresh = $"2; url={again}" }));
        }

        values["receipt"] = ReceiptView(receipt);
        values["json_url"] = PortalUrls.ReceiptFile(company, file, "json");
        values["csv_url"] = PortalUrls.ReceiptFile(company, file, "csv");
        values["xlsx_url"] = PortalUrls.ReceiptFile(company, file, "xlsx");
        return PortalResult.Page(gate.Pages.Render(gate.View(visitor, "receipt.liquid", $"Ontvangstbewijs {file}", values, "deliveries")));
    }

    /// <summary>The receipt as a file: <c>receipt.json</c> (as stored), <c>receipt.csv</c> or <c>receipt.xlsx</c> (one line per issue).</summary>
    [Function(nameof(PortalReceiptFile))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalReceiptFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}/deliveries/{file}/receipt.{format}")] HttpRequest request,
        string company,
        string file,
        string format,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        if (format is not ("json" or "csv" or "xlsx")) return gate.NotFound(visitor);
        var receipt = DeliveryFileName.IsValid(file) ? await deliveries.GetReceiptAsync(company, file, cancellationToken) : null;
        if (receipt is null) return gate.NotFound(visitor);
        var name = $"{Path.GetFileNameWithoutExtension(file)}-ontvangstbewijs.{format}";
        return format switch
        {
            "csv" => new FileContentResult(receiptSheets.Csv(receipt), "text/csv; charset=utf-8") { FileDownloadName = name },
            "xlsx" => new FileContentResult(receiptSheets.Xlsx(receipt), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name },
            _ => new FileContentResult(JsonSerializer.SerializeToUtf8Bytes(receipt, KtoJson.Options), "application/json") { FileDownloadName = name },
        };
    }

    [Function(nameof(PortalProgress))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalProgress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}/progress")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year))
            return gate.Message(visitor, StatusCodes.Status400BadRequest, "Onbekend jaar", "Kies een jaar tussen 2000 en 2100.", PortalUrls.Progress(company), "Naar dit jaar");

        var (percelen, months) = await progress.WithMonthsAsync(company, year, cancellationToken);
        var opdrachtgevers = await progress.OpdrachtgeversAsync(company, year, cancellationToken);
        var forecast = ForecastSummary.Of(await forecasts.ForYearAsync(company, year, cancellationToken));
        var thisYear = DutchTime.Today(time).Year;
        var values = new Dictionary<string, object?>
        {
            ["company"] = CompanyView(found!),
            ["year"] = year,
            ["years"] = Enumerable.Range(thisYear - 3, 4).Reverse().Select(y => new Dictionary<string, object?> { ["value"] = y, ["selected"] = y == year }).ToList(),
            ["minimum_rate"] = Percent(norms.MinimumResponseRate),
            ["kpi_grade"] = norms.KpiMinimumMeanGrade.ToString("0.0", DutchTime.Culture),
            ["percelen"] = percelen.Select(p => new Dictionary<string, object?>
            {
                ["name"] = p.Perceel,
                ["ended"] = p.Ended,
                ["approached"] = p.Approached,
                ["responded"] = p.Responded,
                ["rate"] = p.Ended == 0 ? "–" : Percent(p.ResponseRate),
                ["rate_low"] = p.Ended > 0 && p.ResponseRate < norms.MinimumResponseRate,
                ["grade"] = p.MeanGrade?.ToString("0.0", DutchTime.Culture) ?? "–",
                ["grade_low"] = p.MeanGrade < norms.KpiMinimumMeanGrade,
                ["by_email"] = p.ApproachedByMode?.Email, ["by_letter"] = p.ApproachedByMode?.Letter, ["by_phone"] = p.ApproachedByMode?.Phone,
                ["web"] = p.RespondedByMode?.Web, ["phone"] = p.RespondedByMode?.Phone, ["paper"] = p.RespondedByMode?.Paper,
                ["attempts"] = p.MeanAttempts is { } mean ? $"{mean.ToString("0.#", DutchTime.Culture)} (max {p.MaxAttempts})" : "–",
                ["unreachable"] = p.Unreachable,
            }).ToList(),
            ["months"] = months.Select(m => new Dictionary<string, object?>
            {
                ["name"] = DutchTime.Culture.DateTimeFormat.GetMonthName(m.Month), ["ended"] = m.Ended, ["responded"] = m.Responded,
            }).ToList(),
            ["chart"] = ProgressChart.For(months),
            // Issue 24: "Naar werk: verwachte respons 24–31 %, minimum 30 %".
            ["forecast"] = forecast.Select(f => new Dictionary<string, object?> { ["name"] = f.Perceel, ["range"] = f.RangeText, ["at_risk"] = f.AtRisk,
                ["minimum"] = (norms.MinimumResponseRate * 100).ToString("0", DutchTime.Culture) + " %" }).ToList(),
            ["opdrachtgevers"] = new Dictionary<string, object?>
            {
                ["count"] = opdrachtgevers.Opdrachtgevers, ["approached"] = opdrachtgevers.Approached, ["responded"] = opdrachtgevers.Responded,
                ["rate"] = opdrachtgevers.Opdrachtgevers == 0 ? "–" : Percent(opdrachtgevers.ResponseRate),
                ["grade"] = opdrachtgevers.MeanGrade?.ToString("0.0", DutchTime.Culture) ?? "–",
                ["keurmerk_url"] = PortalUrls.Keurmerk(company, year),
            },
        };
        return PortalResult.Page(gate.Pages.Render(gate.View(visitor, "progress.liquid", $"Voortgang {year}", values, "progress")));
    }

    private const string Unreadable = "Het bestand kwam niet goed aan. Kies het bestand opnieuw en lever het nog eens aan.";

    private async Task<IActionResult> UploadErrorAsync(Visitor visitor, Company company, string error, CancellationToken cancellationToken,
        int status = StatusCodes.Status422UnprocessableEntity) =>
        PortalResult.Page(await DeliveriesPageAsync(visitor, company, error, cancellationToken), status);

    private async Task<string> DeliveriesPageAsync(Visitor visitor, Company company, string? error, CancellationToken cancellationToken)
    {
        var list = await history.ListAsync(company.Id, cancellationToken);
        var now = time.GetUtcNow();
        var values = new Dictionary<string, object?>
        {
            ["company"] = CompanyView(company),
            ["month_name"] = DutchTime.ToDutch(now).ToString("MMMM yyyy", DutchTime.Culture),
            ["delivered_this_month"] = DeliveryMonth.DeliveredIn(list, now),
            ["error"] = error,
            ["errors"] = error is null ? new List<string>() : new List<string> { error },
            ["max_mb"] = deliverySettings.MaxFileBytes / (1024 * 1024),
            ["deliveries"] = list.Select(d => new Dictionary<string, object?>
            {
                ["file"] = d.File,
                ["url"] = PortalUrls.Receipt(company.Id, d.File),
                ["date"] = DutchTime.ToDutch(d.ReceivedAt).ToString("d MMM yyyy HH:mm", DutchTime.Culture),
                ["status"] = StatusText(d.Status),
                ["refused"] = d.Status == Receipt.Statuses.Refused,
                ["processing"] = d.Status is null,
                ["rows"] = d.Rows, ["accepted"] = d.Accepted, ["duplicates"] = d.Duplicates, ["rejected"] = d.Rejected,
            }).ToList(),
        };
        return gate.Pages.Render(gate.View(visitor, "deliveries.liquid", $"Leveringen {company.Name}", values, "deliveries"));
    }

    private static Dictionary<string, object?> CompanyView(Company company) => new()
    {
        ["id"] = company.Id, ["name"] = company.Name,
        ["deliveries_url"] = PortalUrls.Company(company.Id), ["progress_url"] = PortalUrls.Progress(company.Id),
    };

    private static Dictionary<string, object?> ReceiptView(Receipt receipt) => new()
    {
        ["status"] = StatusText(receipt.Status),
        ["refused"] = receipt.Status == Receipt.Statuses.Refused,
        ["duplicate"] = receipt.Status == Receipt.Statuses.Duplicate,
        ["refusal"] = receipt.Refusal?.Message,
        ["rows"] = receipt.Rows, ["accepted"] = receipt.Accepted, ["duplicates"] = receipt.Duplicates,
        // Rows, not issues: a row with two problems is one rejected row (and the lists stop at 100 per code).
        ["rejected_count"] = receipt.Status == Receipt.Statuses.Accepted ? Math.Max(0, receipt.Rows - receipt.Accepted - receipt.Duplicates) : 0,
        ["refusal_column"] = receipt.Refusal?.Column,
        ["processed"] = DutchTime.ToDutch(receipt.ProcessedAt).ToString("d MMMM yyyy 'om' HH:mm", DutchTime.Culture),
        ["rejected"] = receipt.Rejected.Select(IssueView).ToList(),
        ["warnings"] = receipt.Warnings.Select(IssueView).ToList(),
    };

    private static Dictionary<string, object?> IssueView(DeliveryIssue issue) => new()
    {
        ["row"] = issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "–",
        ["column"] = issue.Column ?? "–",
        ["klantnummer"] = issue.Klantnummer ?? "–",
        ["message"] = issue.Message,
    };

    private static string StatusText(string? status) => status switch
    {
        Receipt.Statuses.Accepted => "Verwerkt",
        Receipt.Statuses.Refused => "Geweigerd",
        Receipt.Statuses.Duplicate => "Al eerder aangeleverd",
        null => "Wordt verwerkt",
        _ => status,
    };

    private static string Percent(double rate) => (rate * 100).ToString("0", DutchTime.Culture) + "%";
}
