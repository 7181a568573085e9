using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Portal;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Functions.Reports;

namespace Kto.Functions.Portal;

/// <summary>
/// Moderating the open answers of a company's current draft, on a page of its own (linked from the report page):
/// the answers per perceel as the draft shows them (already redacted), a form per answer to hide it with a reason
/// (audited as the signed-in person; it leaves this and every later draft), and the answers hidden so far. Bureau
/// users only; anyone else gets the same 404 as a missing page.
/// </summary>
public sealed class OpenAnswersPageFunction(PortalGate gate, ReportDraftService reportDrafts, AnswerHidingService answerHiding,
    QuestionnaireCatalog questionnaires, IAuditLog audit, TimeProvider time)
{
    [Function(nameof(PortalBureauOpenAnswers))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauOpenAnswers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/reports/{company}/open-answers")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        var notice = request.Query["klaar"] == "verborgen" ? "Het antwoord is verborgen. Het concept bevat het niet meer." : null;
        return await PageAsync(visitor, found!, year, notice, null, StatusCodes.Status200OK, cancellationToken);
    }

    [Function(nameof(PortalBureauHideAnswer))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalBureauHideAnswer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/reports/{company}/hide")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year)) return gate.NotFound(visitor);
        var answer = form.GetValueOrDefault("answer") ?? "";
        var reason = form.GetValueOrDefault("reason")?.Trim() ?? "";
        if (reason.Length is 0 or > OpenAnswersFunction.MaxReasonLength)
            return await PageAsync(visitor, found!, year, null,
                new PageText("Geef een reden om het antwoord te verbergen (hoogstens {0} tekens).", OpenAnswersFunction.MaxReasonLength),
                StatusCodes.Status422UnprocessableEntity, cancellationToken);

        // The person who hides is the signed-in person, as for signing.
        var hiddenBy = visitor.User!.Email;
        var hiding = await answerHiding.HideAnswerAsync(company, year, answer, hiddenBy, reason, cancellationToken);
        if (hiding.Outcome is AnswerHidingOutcome.NoDraft or AnswerHidingOutcome.UnknownAnswer)
            return await PageAsync(visitor, found!, year, null, "Dit antwoord staat niet (meer) in het concept. Bekijk de antwoorden hieronder.",
                StatusCodes.Status409Conflict, cancellationToken);
        if (hiding.Outcome == AnswerHidingOutcome.Hidden)
            await audit.WriteAsync(AuditEntry.AnswerHidden(hiddenBy, company, year, hiding.Hidden!), cancellationToken);
        return PortalResult.SeeOther(PortalUrls.OpenAnswers(company, year) + "&klaar=verborgen");
    }

    private async Task<IActionResult> PageAsync(Visitor visitor, Company company, int year, string? notice, PageText? error, int status,
        CancellationToken cancellationToken)
    {
        var found = await reportDrafts.DraftOpenAnswersAsync(company.Id, year, cancellationToken);
        var page = new OpenAnswersPage(
            Company: CompanyHeading.Of(company),
            Year: year,
            Notice: notice,
            Error: error,
            ReportUrl: PortalUrls.Report(company.Id, year),
            Draft: found is null ? null : new OpenAnswersPage.DraftMade(
                Id: found.Draft.Id,
                GeneratedAt: ShownDate.MinuteAt(found.Draft.GeneratedAt)),
            Count: found?.Answers.Count ?? 0,
            Groups: found?.Answers.GroupBy(a => a.Perceel).OrderBy(g => g.Key).Select(g => new OpenAnswersPage.PerceelAnswers(
                Perceel: PerceelNames.DisplayName(g.Key),
                Slug: ExemptionLetterLinks.Slug(g.Key),
                Answers: g.Select(a => new OpenAnswersPage.Answer(
                    Id: a.Id,
                    Question: questionnaires.Current.Find(a.QuestionId)?.Text.Nl ?? a.QuestionId,
                    Text: a.Text)).ToList())).ToList(),
            Hidden: found?.Hidden.Select(h => new OpenAnswersPage.HiddenAnswer(
                Id: h.AnswerId,
                HiddenBy: h.HiddenBy,
                HiddenAt: ShownDate.Minute(h.HiddenAt),
                Reason: h.Reason)).ToList());
        return gate.Page(visitor, "bureau-open-answers.liquid", new PageText("Open antwoorden {0} {1}", company.Name, year), page, "overview", status);
    }
}
