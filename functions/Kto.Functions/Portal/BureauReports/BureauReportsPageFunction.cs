using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Portal;
using Kto.Core.Reports;
using Kto.Functions.Reports;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's report page for one company and year: start a draft (the same Durable run as the API), preview it
/// (the draft PDF in the page and its UWV checklist as HTML), write the conclusion and sign as the signed-in person.
/// The sign form carries the draft id it shows, so a draft replaced meanwhile is refused with a page, not signed.
/// Every signature goes to the audit log. The page also links to the moderation of the draft's open answers (their own
/// page, <see cref="OpenAnswersPageFunction"/>) with how many there are, and gives the exemption letters of percelen
/// with too few ended services. Bureau users only; anyone else gets the same 404 as a missing page.
/// </summary>
public sealed class BureauReportsPageFunction(
    PortalGate gate,
    ReportDraftService reportDrafts,
    ReportSigningService reportSigning,
    ReportFilesService reports,
    ExemptionLetterService exemptionLetters,
    IAuditLog audit,
    TimeProvider time)
{
    private const int MaxConclusionLength = 10_000;
    [Function(nameof(PortalBureauReport))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/reports/{company}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        // The page follows the run itself: while it runs, a status line and a refresh (no script); then the true state.
        var run = await client.GetInstanceAsync(new ReportRun(year, company).InstanceId, cancellationToken);
        var running = run is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running };
        var asked = request.Query["klaar"].ToString();
        var notice = asked switch
        {
            "ondertekend" => "Het rapport is ondertekend. De nieuwe versie staat hieronder.",
            _ => null,
        };
        var error = !running && asked == "gestart" && run is { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated }
            ? "Het maken van het concept is mislukt. Probeer het opnieuw; lukt het weer niet, kijk dan in het logboek van de functies."
            : null;
        return await PageAsync(visitor, found!, year, notice, error, null, StatusCodes.Status200OK, cancellationToken, running: running);
    }

    [Function(nameof(PortalBureauReportStart))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauReportStart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/reports/{company}/start")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, _, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year)) return gate.NotFound(visitor);
        // Already running: the page follows that run, the same as this one's.
        await ReportRunStarter.TryStartAuditedAsync(client, new ReportRun(year, company), audit, visitor.User!.Email, time.GetUtcNow(), cancellationToken);
        return PortalResult.SeeOther(PortalUrls.Report(company, year) + "&klaar=gestart");
    }

    /// <summary>
    /// Two steps, no script: the first post (the conclusion) answers a confirmation page that lists what is not in
    /// order; only its confirm button (<c>actie=ondertekenen</c>) signs. <c>actie=wijzigen</c> goes back to the page
    /// with the conclusion kept. The same signing repeated (a double click) gives the version it gave, audited once.
    /// </summary>
    [Function(nameof(PortalBureauReportSign))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauReportSign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/reports/{company}/sign")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year)) return gate.NotFound(visitor);
        var draftId = form.GetValueOrDefault("draft") ?? "";
        var conclusion = form.GetValueOrDefault("conclusion")?.Trim();
        var action = form.GetValueOrDefault("actie");
        if (conclusion is { Length: > MaxConclusionLength })
            return await PageAsync(visitor, found!, year, null, null, new PageText("De conclusie mag hoogstens {0} tekens hebben.", MaxConclusionLength),
                StatusCodes.Status422UnprocessableEntity, cancellationToken, conclusion);
        if (draftId.Length is 0 or > 100)
            return await PageAsync(visitor, found!, year, null, "Er is geen concept gekozen om te ondertekenen. Start eerst een concept.", null,
                StatusCodes.Status422UnprocessableEntity, cancellationToken);
        if (action == "wijzigen")
            return await PageAsync(visitor, found!, year, null, null, null, StatusCodes.Status200OK, cancellationToken, conclusion);
        if (string.IsNullOrWhiteSpace(conclusion))
            return await PageAsync(visitor, found!, year, null, null, ConclusionRequired, StatusCodes.Status422UnprocessableEntity, cancellationToken);

        if (action != "ondertekenen")
        {
            var review = await reportDrafts.ReviewBeforeSigningAsync(company, year, draftId, cancellationToken);
            if (review is null) return await ReplacedAsync(visitor, found!, year, conclusion, cancellationToken);
            return gate.Page(visitor, "bureau-report-confirm.liquid", new PageText("Rapport {0} {1} ondertekenen", found!.Name, year),
                new BureauReportConfirmPage(
                    Company: CompanyHeading.Of(found),
                    Year: year,
                    Draft: draftId,
                    Conclusion: conclusion,
                    Signer: visitor.User!.Signer,
                    NotInOrder: review.NotInOrder), "overview");
        }

        // The signer is the signed-in person (their name when known, else their address), never a typed name.
        var signer = visitor.User!.Signer;
        ReportSigningResult signing;
        try
        {
            signing = await reportSigning.SignAsync(company, year, draftId, signer, conclusion, cancellationToken);
        }
        catch (ReportTimestampUnavailableException)
        {
            return await PageAsync(visitor, found!, year, null, TimestampUnavailable, null, StatusCodes.Status503ServiceUnavailable, cancellationToken, conclusion);
        }
        switch (signing.Outcome)
        {
            case ReportSigningOutcome.ConclusionMissing:
                return await PageAsync(visitor, found!, year, null, null, ConclusionRequired, StatusCodes.Status422UnprocessableEntity, cancellationToken);
            case ReportSigningOutcome.NoDraft:
                return await PageAsync(visitor, found!, year, null, "Er is geen concept om te ondertekenen. Start eerst een concept.", null,
                    StatusCodes.Status409Conflict, cancellationToken);
            case ReportSigningOutcome.DraftReplaced:
                return await ReplacedAsync(visitor, found!, year, conclusion, cancellationToken);
            case ReportSigningOutcome.Signed:
                // Only the signing that made the version is audited; a repeat (double click) lands on the same page.
                await audit.WriteAsync(AuditEntry.ReportSigned(time.GetUtcNow(), visitor.User.Email, company, year, signing.Version!), cancellationToken);
                break;
        }
        return PortalResult.SeeOther(PortalUrls.Report(company, year) + "&klaar=ondertekend");
    }

    private const string TimestampUnavailable =
        "De tijdstempeldienst gaf geen tijdstempel, dus is het rapport niet ondertekend. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de beheerder.";

    private const string ConclusionRequired =
        "Schrijf uw conclusie. Een ondertekend rapport heeft altijd de conclusie van het onderzoeksbureau over de inspanningen om de respons te halen.";

    private Task<IActionResult> ReplacedAsync(Visitor visitor, Company company, int year, string? conclusion, CancellationToken cancellationToken) =>
        PageAsync(visitor, company, year, null,
            "Het concept is vervangen nadat u het opende, en is daarom niet ondertekend. Bekijk hieronder het nieuwe concept en onderteken dat.",
            null, StatusCodes.Status409Conflict, cancellationToken, conclusion);

    [Function(nameof(PortalBureauExemptionLetter))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauExemptionLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/reports/{company}/{year:int}/exemption/{perceel}")] HttpRequest request,
        string company,
        int year,
        string perceel,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        if (!PerceelNames.TryParse(perceel, out var chosen)) return gate.NotFound(visitor);
        var letter = await exemptionLetters.CreateAsync(company, year, chosen, cancellationToken);
        if (letter.Outcome != ExemptionLetterOutcome.Ready) return gate.NotFound(visitor);
        return new FileContentResult(letter.Pdf!, "application/pdf") { FileDownloadName = ExemptionLetterLinks.FileName(year, company, chosen) };
    }

    [Function(nameof(PortalBureauDraftFile))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauDraftFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/reports/{company}/{year:int}/draft/report.pdf")] HttpRequest request,
        string company,
        int year,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        var (draft, _) = await reports.ListAsync(company, year, cancellationToken);
        // The draft the page showed, by id; a replaced one is gone.
        if (draft is null || !string.Equals(draft.Id, request.Query["concept"].ToString(), StringComparison.OrdinalIgnoreCase)) return gate.NotFound(visitor);
        var found = await reports.ReadFileAsync(company, year, ReportVersionChoice.Draft, ReportFileNames.Pdf, cancellationToken);
        if (found is null || found.Version is not null) return gate.NotFound(visitor);
        // Shown in a frame of the bureau's page (same origin only), never cached: it is replaced by the next run.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
        request.HttpContext.Response.Headers.XFrameOptions = "SAMEORIGIN";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new FileContentResult(found.Content, "application/pdf");
    }

    private async Task<IActionResult> PageAsync(Visitor visitor, Company company, int year, string? notice, string? error, PageText? conclusionError,
        int status, CancellationToken cancellationToken, string? conclusion = null, bool running = false)
    {
        var (draft, versions) = await reports.ListAsync(company.Id, year, cancellationToken);
        var report = draft is null ? null : await reportDrafts.DraftReportAsync(company.Id, year, draft.Id, cancellationToken);
        // Once the draft is signed, its checklist is the signed version's (signature and conclusion in), not the draft's "Nog open".
        var signedFrom = draft is null ? null : versions.LastOrDefault(v => v.DraftId == draft.Id);
        var signedReport = signedFrom is null ? null : await reports.VersionReportAsync(company.Id, year, signedFrom.Version, cancellationToken);
        var checklist = (signedReport ?? report)?.Checklist;
        var openAnswers = draft is null ? null : await reportDrafts.DraftOpenAnswersAsync(company.Id, year, cancellationToken);
        var page = new BureauReportPage(
            Company: CompanyHeading.Of(company),
            Year: year,
            Notice: notice,
            Error: error,
            ConclusionError: conclusionError,
            Conclusion: conclusion,
            Signer: visitor.User!.Signer,
            Running: running,
            Draft: draft is null ? null : new BureauReportPage.DraftMade(
                Id: draft.Id,
                GeneratedAt: ShownDate.MinuteAt(draft.GeneratedAt),
                Pdf: PortalUrls.DraftPdf(company.Id, year, draft.Id),
                Status: StatusText(signedFrom?.ChecklistStatus ?? draft.ChecklistStatus)),
            Signed: signedFrom is null ? null : new BureauReportPage.SignedDraft(
                Version: signedFrom.Version,
                SignedBy: signedFrom.SignedBy,
                SignedAt: ShownDate.MinuteAt(signedFrom.SignedAt),
                Pdf: PortalUrls.ReportFile(company.Id, year, signedFrom.Version, "pdf")),
            Checks: checklist?.Checks.Select(c => new BureauReportPage.Check(
                Number: c.Number,
                Title: c.Title,
                Status: StatusText(c.Status.ToString()),
                StatusClass: c.Status.ToString().ToLowerInvariant(),
                Explanation: c.Explanation)).ToList(),
            Exemptions: report?.Percelen.Where(p => p.ExemptionPossible).Select(p => new BureauReportPage.Exemption(
                Perceel: PerceelNames.DisplayName(p.Figures.Perceel),
                Ended: p.Figures.Ended,
                Letter: PortalUrls.ExemptionLetter(company.Id, year, ExemptionLetterLinks.Slug(p.Figures.Perceel)))).ToList(),
            OpenAnswersCount: openAnswers?.Answers.Count ?? 0,
            HiddenCount: openAnswers?.Hidden.Count ?? 0,
            OpenAnswersUrl: PortalUrls.OpenAnswers(company.Id, year),
            Versions: versions.AsEnumerable().Reverse().Select(v => new BureauReportPage.SignedVersion(
                Version: v.Version,
                SignedBy: v.SignedBy,
                SignedAt: ShownDate.Minute(v.SignedAt),
                Sha256: v.Sha256,
                Pdf: PortalUrls.ReportFile(company.Id, year, v.Version, "pdf"))).ToList());
        var view = gate.View(visitor, "bureau-report.liquid", new PageText("Rapport {0} {1}", company.Name, year), page, "overview");
        return gate.Page(running ? view with { RefreshAfter = 3 } : view, status).WithOwnFrames();
    }

    private static string StatusText(string status) => status.ToLowerInvariant() switch
    {
        "passed" => "In orde",
        "pending" => "Nog open",
        _ => "Niet in orde",
    };
}
