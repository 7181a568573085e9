using System.Globalization;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Core.Progress;
using Kto.Core.Reports;

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
        return await DeliveriesPageAsync(visitor, found!, null, StatusCodes.Status200OK, cancellationToken);
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
            return await UploadErrorAsync(visitor, found!, new PageText("Er is al een bestand ‘{0}’ aangeleverd. Geef het bestand een nieuwe naam, bijvoorbeeld met de maand erin, en lever het opnieuw aan.", name), cancellationToken);
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
        if (receipt is null)
        {
            // A refused file's upload is deleted just before its receipt is written, so for a moment neither exists:
            // a file not (or no longer) listed gets a few refreshes before the page says it does not exist.
            var known = (await history.ListAsync(company, cancellationToken)).Any(d => d.File == file);
            var waited = int.TryParse(request.Query["wacht"], out var w) && w is >= 0 and < 1000 ? w : 0;
            if (!known && waited >= 10) return gate.NotFound(visitor);
            // Still being processed: the page says so and reloads itself (no script needed).
            var again = PortalUrls.Receipt(company, file) + $"?wacht={waited + 1}";
            return gate.Page(gate.View(visitor, "processing.liquid", new PageText("{0} wordt verwerkt", file), new ProcessingPage(CompanyLinks.Of(found!), file), "deliveries") with { RefreshAfter = 2, RefreshUrl = again });
        }

        var page = new ReceiptPage(
            Company: CompanyLinks.Of(found!),
            File: file,
            Receipt: ReceiptOutcome(receipt),
            JsonUrl: PortalUrls.ReceiptFile(company, file, "json"),
            CsvUrl: PortalUrls.ReceiptFile(company, file, "csv"),
            XlsxUrl: PortalUrls.ReceiptFile(company, file, "xlsx"));
        return gate.Page(visitor, "receipt.liquid", new PageText("Ontvangstbewijs {0}", file), page, "deliveries");
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
        var companyForecast = await forecasts.ForYearAsync(company, year, cancellationToken);
        var forecast = ForecastSummary.Of(companyForecast);
        var risks = companyForecast.Percelen.ToDictionary(p => p.PerceelName, p => (p.ResponseAtRisk, p.GradeAtRisk));
        var thisYear = DutchTime.Today(time).Year;
        var page = new ProgressPage(
            Company: CompanyLinks.Of(found!),
            Year: year,
            Years: Enumerable.Range(thisYear - 3, 4).Reverse().Select(y => new ProgressPage.YearChoice(Value: y, Selected: y == year)).ToList(),
            MinimumRate: Percent(norms.MinimumResponseRate),
            KpiGrade: ShownNumber.Grade(norms.KpiMinimumMeanGrade),
            Percelen: percelen.Select(p => new ProgressPage.PerceelFigures(
                Name: p.Perceel,
                Ended: p.Ended,
                Approached: p.Approached,
                Responded: p.Responded,
                Rate: p.Ended == 0 ? "–" : Percent(p.ResponseRate),
                RateLow: p.Ended > 0 && p.ResponseRate < norms.MinimumResponseRate,
                Grade: p.MeanGrade is { } grade ? ShownNumber.Grade(grade) : null,
                GradeLow: p.MeanGrade < norms.KpiMinimumMeanGrade,
                ByEmail: p.ApproachedByMode?.Email, ByLetter: p.ApproachedByMode?.Letter, ByPhone: p.ApproachedByMode?.Phone,
                Web: p.RespondedByMode?.Web, Phone: p.RespondedByMode?.Phone, Paper: p.RespondedByMode?.Paper,
                Attempts: p.MeanAttempts is { } mean ? new PageText("{0} (max {1})", ShownNumber.Mean(mean), p.MaxAttempts) : null,
                Unreachable: p.Unreachable)).ToList(),
            Months: months.Select(m => new ProgressPage.MonthFigures(
                Name: ShownDate.MonthName(m.Month), Ended: m.Ended, Responded: m.Responded)).ToList(),
            Chart: ProgressChart.For(months),
            // Issue 24: "Naar werk: verwachte respons 24–31 %, minimum 30 %".
            Forecast: forecast.Select(f => new ProgressPage.ForecastLine(Name: f.Perceel, Range: f.RangeText,
                Minimum: (norms.MinimumResponseRate * 100).ToString("0", DutchTime.Culture) + " %",
                Risk: RiskText(risks.GetValueOrDefault(f.Perceel), norms.KpiMinimumMeanGrade))).ToList(),
            Opdrachtgevers: new ProgressPage.OpdrachtgeverFigures(
                Count: opdrachtgevers.Opdrachtgevers, Approached: opdrachtgevers.Approached, Responded: opdrachtgevers.Responded,
                Rate: opdrachtgevers.Opdrachtgevers == 0 ? "–" : Percent(opdrachtgevers.ResponseRate),
                Grade: opdrachtgevers.MeanGrade is { } opdrachtgeverGrade ? ShownNumber.Grade(opdrachtgeverGrade) : null,
                KeurmerkUrl: PortalUrls.Keurmerk(company, year)));
        return gate.Page(visitor, "progress.liquid", new PageText("Voortgang {0}", year), page, "progress");
    }

    private const string Unreadable = "Het bestand kwam niet goed aan. Kies het bestand opnieuw en lever het nog eens aan.";

    private async Task<IActionResult> UploadErrorAsync(Visitor visitor, Company company, PageText error, CancellationToken cancellationToken,
        int status = StatusCodes.Status422UnprocessableEntity) =>
        await DeliveriesPageAsync(visitor, company, error, status, cancellationToken);

    private async Task<PortalResult> DeliveriesPageAsync(Visitor visitor, Company company, PageText? error, int status, CancellationToken cancellationToken)
    {
        var list = await history.ListAsync(company.Id, cancellationToken);
        var now = time.GetUtcNow();
        var page = new DeliveriesPage(
            Company: CompanyLinks.Of(company),
            MonthName: ShownDate.Month(now),
            DeliveredThisMonth: DeliveryMonth.DeliveredIn(list, now),
            Error: error,
            Errors: error is null ? [] : [error],
            MaxMb: deliverySettings.MaxFileBytes / (1024 * 1024),
            Deliveries: list.Select(d => new DeliveriesPage.Delivery(
                File: d.File,
                Url: PortalUrls.Receipt(company.Id, d.File),
                Date: ShownDate.ShortMinute(d.ReceivedAt),
                Status: StatusText(d.Status),
                Refused: d.Status == Receipt.Statuses.Refused,
                Processing: d.Status is null,
                Rows: d.Rows, Accepted: d.Accepted, Duplicates: d.Duplicates, Rejected: d.Rejected)).ToList());
        return gate.Page(visitor, "deliveries.liquid", new PageText("Leveringen {0}", company.Name), page, "deliveries", status);
    }

    private static ReceiptPage.Outcome ReceiptOutcome(Receipt receipt) => new(
        Status: StatusText(receipt.Status),
        Refused: receipt.Status == Receipt.Statuses.Refused,
        Duplicate: receipt.Status == Receipt.Statuses.Duplicate,
        Refusal: receipt.Refusal?.Message,
        Rows: receipt.Rows, Accepted: receipt.Accepted, Duplicates: receipt.Duplicates,
        // Rows, not issues: a row with two problems is one rejected row (and the lists stop at 100 per code).
        RejectedCount: receipt.Status == Receipt.Statuses.Accepted ? Math.Max(0, receipt.Rows - receipt.Accepted - receipt.Duplicates) : 0,
        RefusalColumn: receipt.Refusal?.Column,
        Processed: ShownDate.MinuteAt(receipt.ProcessedAt),
        Rejected: receipt.Rejected.Select(IssueOf).ToList(),
        Warnings: receipt.Warnings.Select(IssueOf).ToList());

    private static ReceiptPage.Issue IssueOf(DeliveryIssue issue) => new(
        Row: issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "–",
        Column: issue.Column ?? "–",
        Klantnummer: issue.Klantnummer ?? "–",
        Message: issue.Message);

    private static string StatusText(string? status) => status switch
    {
        Receipt.Statuses.Accepted => "Verwerkt",
        Receipt.Statuses.Refused => "Geweigerd",
        Receipt.Statuses.Duplicate => "Al eerder aangeleverd",
        null => "Wordt verwerkt",
        _ => status,
    };

    private static string Percent(double rate) => (rate * 100).ToString("0", DutchTime.Culture) + "%";

    /// <summary>
    /// What the forecast's "risico" is about, beside the response range it stands next to: the response, the mean grade
    /// (below the KPI), or both.
    /// </summary>
    private static PageText? RiskText((bool Response, bool Grade) risk, double kpiGrade) => risk switch
    {
        (true, true) => new PageText("risico: respons en gemiddeld cijfer onder {0}", ShownNumber.Grade(kpiGrade)),
        (false, true) => new PageText("risico: gemiddeld cijfer onder {0}", ShownNumber.Grade(kpiGrade)),
        (true, false) => new PageText("risico"),
        _ => null,
    };
}
