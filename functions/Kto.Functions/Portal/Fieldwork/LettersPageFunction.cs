using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Letters;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Functions.Letters;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's letters for one company (from its fieldwork page): make the batch of letters due now, download its
/// PDF, mark it posted (audited by the use case with the signed-in person). And the paper data entry's way in: a
/// code from a returned form leads to that client's entry page. Bureau users only.
/// </summary>
public sealed class LettersPageFunction(
    PortalGate gate,
    LetterBatchService letters,
    ShortCodeService codes,
    ISurveyLinks links,
    SurveySettings survey,
    TimeProvider time)
{
    [Function(nameof(PortalLetters))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/fieldwork/{company}/letters")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);
        var notice = new LettersNotice(
            Made: Batch(request.Query["gemaakt"]),
            Replaced: request.Query["vervangt"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Where(LetterBatch.LooksValid).ToList(),
            Posted: Batch(request.Query["verstuurd"]),
            NothingDue: request.Query["geen"] == "1",
            AlreadyPosted: request.Query["al"] == "1",
            Confirm: Batch(request.Query["verstuur"]));
        return await PageAsync(visitor, found!, year, notice, null, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>What the page says at its top after an action, or the confirmation it asks before marking a batch posted.</summary>
    private sealed record LettersNotice(string? Made = null, IReadOnlyList<string>? Replaced = null, string? Posted = null, bool NothingDue = false,
        bool AlreadyPosted = false, string? Confirm = null);

    private static string? Batch(string? id) => LetterBatch.LooksValid(id) ? id : null;

    [Function(nameof(PortalMakeLetters))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalMakeLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/fieldwork/{company}/letters")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        if (!YearQuery.TryRead(form, out var year)) return gate.NotFound(visitor);
        // The batch is made in the background: the page shows its progress and, once made, the notice.
        var started = await LetterBatchStarter.StartAsync(letters, client, found!.Id, year, visitor.User!.Email, cancellationToken);
        var replaced = started.Replaces is { Count: > 0 } r ? $"&vervangt={string.Join(',', r.Select(b => b.Id))}" : "";
        return PortalResult.SeeOther(PortalUrls.Letters(company, year) + $"&gemaakt={started.Batch!.Id}{replaced}");
    }

    [Function(nameof(PortalLettersPdf))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalLettersPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/fieldwork/{company}/letters/{batch}/pdf")] HttpRequest request,
        string company,
        string batch,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        var file = await letters.ReadPdfAsync(found!.Id, batch, cancellationToken);
        if (file is not { } pdf) return gate.NotFound(visitor);
        return new FileContentResult(pdf.Pdf, "application/pdf") { FileDownloadName = $"brieven-{company}-{pdf.Batch.Year}-{pdf.Batch.Id}.pdf" };
    }

    [Function(nameof(PortalLettersPosted))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalLettersPosted(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/fieldwork/{company}/letters/{batch}/posted")] HttpRequest request,
        string company,
        string batch,
        CancellationToken cancellationToken)
    {
        var (visitor, found, form) = request.Opening();
        // Marking posted cannot be undone: without the confirmation step's answer, show that step first.
        if (form.GetValueOrDefault("bevestigd") != "ja")
            return YearQuery.TryRead(form, out var shownYear) && LetterBatch.LooksValid(batch)
                ? PortalResult.SeeOther(PortalUrls.Letters(company, shownYear) + $"&verstuur={batch}#bevestigen")
                : gate.NotFound(visitor);
        var result = await letters.MarkPostedAsync(found!.Id, batch, visitor.User!.Email, cancellationToken);
        if (result.Outcome is LetterBatchService.PostOutcome.NotReady or LetterBatchService.PostOutcome.Replaced)
        {
            var (status, _, message) = LetterPostAnswers.For(result.Outcome, batch);
            return await PageAsync(visitor, found, result.Batch!.Year, new LettersNotice(), message, status, cancellationToken);
        }
        return result.Outcome switch
        {
            LetterBatchService.PostOutcome.UnknownBatch => gate.NotFound(visitor),
            // A repeat (a double click, a second person) says so: only the first mark recorded the letters.
            LetterBatchService.PostOutcome.AlreadyPosted =>
                PortalResult.SeeOther(PortalUrls.Letters(company, result.Batch!.Year) + $"&verstuurd={result.Batch.Id}&al=1"),
            _ => PortalResult.SeeOther(PortalUrls.Letters(company, result.Batch!.Year) + $"&verstuurd={result.Batch.Id}"),
        };
    }

    [Function(nameof(PortalPaperCode))]
    [PortalPage(PortalAccess.Bureau)]
    public IActionResult PortalPaperCode(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/paper")] HttpRequest request)
    {
        var (visitor, _, _) = request.Opening();
        return PaperPage(visitor, null, null, StatusCodes.Status200OK);
    }

    [Function(nameof(PortalPaperCodeEntered))]
    [PortalForm(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalPaperCodeEntered(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/bureau/paper")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, form) = request.Opening();
        var typed = form.GetValueOrDefault("code");
        var result = await codes.FindAsync(typed, ClientAddress.Of(request, survey.TrustedProxies), cancellationToken);
        return result.Outcome switch
        {
            ShortCodeOutcome.Found when result.Service is { } s =>
                PortalResult.SeeOther(PortalUrls.Answers(s.Company, s.ServiceId, s.Year, ResponseModes.Paper)),
            ShortCodeOutcome.Malformed => PaperPage(visitor, "Typ de code zoals op het formulier: 8 tekens, bijvoorbeeld K7PX-4QM9.", typed, StatusCodes.Status422UnprocessableEntity),
            ShortCodeOutcome.Unknown => PaperPage(visitor, "Deze code kennen wij niet. Controleer de code op het formulier.", typed, StatusCodes.Status422UnprocessableEntity),
            _ => PaperPage(visitor, "Te vaak een onbekende code. Wacht een minuut en probeer het opnieuw.", typed, StatusCodes.Status429TooManyRequests)
                .WithRetryAfter(result.RetryAfter ?? TimeSpan.FromMinutes(1)),
        };
    }

    private PortalResult PaperPage(Visitor visitor, string? error, string? code, int status) =>
        gate.Page(visitor, "paper.liquid", "Papieren vragenlijst invoeren",
            new PaperPage(Error: error, Code: code?.Length > 20 ? code[..20] : code), "fieldwork", status);

    private async Task<IActionResult> PageAsync(Visitor visitor, Company company, int year, LettersNotice notice, PageText? error, int status,
        CancellationToken cancellationToken)
    {
        var list = await letters.ListAsync(company.Id, year, cancellationToken);
        var open = list.Where(b => b.Status == LetterBatchStatus.Open).Select(b => b.Batch).FirstOrDefault();
        var confirm = list.Where(b => b.Batch.Id == notice.Confirm && b.Status == LetterBatchStatus.Open).Select(b => b.Batch).FirstOrDefault();
        var making = list.Where(b => b.Status == LetterBatchStatus.Making).Select(b => b.Batch).FirstOrDefault();
        // The batch just asked for: its notice once it is made (being made: the progress says enough).
        var asked = notice.Made is null ? null : await letters.GetAsync(company.Id, notice.Made, cancellationToken);
        var made = asked is { Status: LetterBatchStatus.Open or LetterBatchStatus.Posted or LetterBatchStatus.Replaced } ? asked.Value.Batch : null;
        var failed = asked is { Status: LetterBatchStatus.Failed, Batch.State: not LetterBatchState.Empty } ? asked.Value.Batch.Id : null;
        var page = new LettersPage(
            Company: CompanyHeading.Of(company),
            Year: year,
            Made: made is null ? null : BatchOf(made),
            Replaced: made is null || notice.Replaced is not { Count: > 0 } ? null : string.Join(", ", notice.Replaced),
            Making: making is null ? null : new LettersPage.Progress(
                Id: making.Id,
                Done: ShownNumber.Count(making.Done),
                Total: making.Total is { } total ? ShownNumber.Count(total) : null,
                DoneN: making.Done,
                TotalN: making.Total),
            Failed: failed,
            Posted: notice.Posted,
            AlreadyPosted: notice.AlreadyPosted,
            NothingDue: notice.NothingDue || asked is { Batch.State: LetterBatchState.Empty },
            Error: error,
            ShortPage: links.ShortCodePage(),
            OpenBatch: open is null ? null : BatchOf(open),
            Confirm: confirm is null ? null : BatchOf(confirm),
            Batches: list.Select(b => new LettersPage.ListedBatch(
                Id: b.Batch.Id,
                Created: ShownDate.ShortMinute(b.Batch.CreatedAt),
                CreatedBy: b.Batch.CreatedBy,
                First: b.Batch.FirstLetters,
                Reminder: b.Batch.ReminderLetters,
                Open: b.Status == LetterBatchStatus.Open,
                Posted: b.Status == LetterBatchStatus.Posted,
                Status: b.Status switch
                {
                    LetterBatchStatus.Making => "wordt gemaakt",
                    LetterBatchStatus.Failed => "mislukt (geen brieven)",
                    LetterBatchStatus.Posted => new PageText("verstuurd {0} door {1}",
                        b.Batch.PostedAt is { } posted ? ShownDate.ShortMinute(posted) : null, b.Batch.PostedBy),
                    LetterBatchStatus.Replaced => "vervangen (niet versturen)",
                    _ => "nog niet verstuurd",
                })).ToList());
        var view = gate.View(visitor, "letters.liquid", new PageText("Brieven {0}", company.Name), page, "fieldwork");
        // The portal runs no script: while a batch is being made the page reloads itself to show the progress.
        return gate.Page(making is null ? view : view with { RefreshAfter = 3 }, status);
    }

    private static LettersPage.Batch BatchOf(LetterBatch b) => new(Id: b.Id, Count: b.Count, First: b.FirstLetters, Reminder: b.ReminderLetters);

}
