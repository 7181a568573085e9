using Kto.Core.Accounts;
using Kto.Core.Letters;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Letters;

/// <summary>
/// Letter batches for the bureau: make the batch of every letter due now (one PDF, made in the background:
/// <see cref="LetterBatchOrchestration"/>), its state, list them, download a PDF, and mark a batch posted (a
/// <c>letter</c> attempt per client, once). The audit actor is the bureau key.
/// </summary>
public sealed class LetterBatchesFunction(LetterBatchService letters, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(MakeLetterBatch))]
    public async Task<IActionResult> MakeLetterBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies/{company}/letter-batches")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();
        var started = await LetterBatchStarter.StartAsync(letters, client, company, year, AuditActions.BureauKey, cancellationToken);
        if (started.Outcome == LetterBatchService.StartOutcome.UnknownCompany) return ApiResults.NotFound("Dit bedrijf bestaat niet.");
        var batch = await letters.GetAsync(company, started.Batch!.Id, cancellationToken) ?? (started.Batch, LetterBatchStatus.Making);
        request.HttpContext.Response.Headers.Location = LetterBatchStarter.StatusPath(batch.Batch);
        return ApiResults.Json(View(batch.Batch, batch.Status), StatusCodes.Status202Accepted);
    }

    [BureauOnly]
    [Function(nameof(GetLetterBatch))]
    public async Task<IActionResult> GetLetterBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/letter-batches/{batch}")] HttpRequest request,
        string company,
        string batch,
        CancellationToken cancellationToken)
    {
        var found = await letters.GetAsync(company, batch, cancellationToken);
        return found is { } b ? ApiResults.Json(View(b.Batch, b.Status)) : ApiResults.NotFound("Deze batch bestaat niet.");
    }

    [BureauOnly]
    [Function(nameof(ListLetterBatches))]
    public async Task<IActionResult> ListLetterBatches(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/letter-batches")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();
        var list = await letters.ListAsync(company, year, cancellationToken);
        return ApiResults.Json(new { batches = list.Select(b => View(b.Batch, b.Status)).ToList() });
    }

    [BureauOnly]
    [Function(nameof(LetterBatchPdf))]
    public async Task<IActionResult> LetterBatchPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/letter-batches/{batch}/letters.pdf")] HttpRequest request,
        string company,
        string batch,
        CancellationToken cancellationToken)
    {
        var found = await letters.ReadPdfAsync(company, batch, cancellationToken);
        if (found is not { } file) return ApiResults.NotFound("Deze brieven bestaan niet (meer): onbekende batch, of vervangen door een nieuwere.");
        return new FileContentResult(file.Pdf, "application/pdf") { FileDownloadName = $"brieven-{company}-{file.Batch.Year}-{file.Batch.Id}.pdf" };
    }

    [BureauOnly]
    [Function(nameof(MarkLetterBatchPosted))]
    public async Task<IActionResult> MarkLetterBatchPosted(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies/{company}/letter-batches/{batch}/posted")] HttpRequest request,
        string company,
        string batch,
        CancellationToken cancellationToken)
    {
        var result = await letters.MarkPostedAsync(company, batch, AuditActions.BureauKey, cancellationToken);
        return result.Outcome switch
        {
            LetterBatchService.PostOutcome.Recorded or LetterBatchService.PostOutcome.AlreadyPosted => ApiResults.Json(new
            {
                id = result.Batch!.Id,
                company,
                year = result.Batch.Year,
                letters = result.Batch.Count,
                recorded = result.Recorded,
                alreadyPosted = result.Outcome == LetterBatchService.PostOutcome.AlreadyPosted,
                postedAt = result.Batch.PostedAt,
            }),
            _ => ApiResults.Error(LetterPostAnswers.For(result.Outcome, batch)),
        };
    }

    /// <summary>A batch as the API shows it: <c>status</c> making / open / posted / replaced / failed, or <c>empty</c>
    /// (nothing was due); <c>done</c> of <c>total</c> letters drawn (total null until the letters are found).</summary>
    public static object View(LetterBatch b, LetterBatchStatus status) => new
    {
        id = b.Id,
        company = b.Company,
        year = b.Year,
        letters = b.Count,
        firstLetters = b.FirstLetters,
        reminderLetters = b.ReminderLetters,
        status = b.State == LetterBatchState.Empty ? "empty" : status.ToString().ToLowerInvariant(),
        done = b.Done,
        total = b.Total,
        statusUrl = LetterBatchStarter.StatusPath(b),
        createdAt = b.CreatedAt,
        createdBy = b.CreatedBy,
        postedAt = b.PostedAt,
        postedBy = b.PostedBy,
        pdf = b.State == LetterBatchState.Ready ? $"/api/companies/{b.Company}/letter-batches/{b.Id}/letters.pdf" : null,
    };
}
