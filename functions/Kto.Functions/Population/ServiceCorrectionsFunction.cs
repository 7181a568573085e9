using Kto.Core.Accounts;
using Kto.Core.Population;
using Kto.Core.Survey;

namespace Kto.Functions.Population;

/// <summary>
/// For the bureau only: a company's delivered services with their history, and withdrawing or correcting one. The
/// service id is the <c>dienst</c> column of the offline list. A company key gets 403: a company cannot change its population.
/// </summary>
public sealed class ServiceCorrectionsFunction(PopulationCorrectionService population, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(ListServices))]
    public async Task<IActionResult> ListServices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/services")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();
        var list = await population.ListAsync(company, year, request.Query["klantnummer"].ToString(), cancellationToken);
        return ApiResults.Json(new { company, year, services = list.Select(ServiceHistoryJson.Of).ToList() });
    }

    [BureauOnly]
    [Function(nameof(GetService))]
    public async Task<IActionResult> GetService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/services/{service}")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();
        var history = await population.GetAsync(new ServiceRef(company, year, service), cancellationToken);
        return history is null ? ApiResults.NotFound("Deze dienst bestaat niet in dit jaar bij dit bedrijf.") : ApiResults.Json(ServiceHistoryJson.Of(history));
    }

    [BureauOnly]
    [Function(nameof(WithdrawService))]
    public Task<IActionResult> WithdrawService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies/{company}/services/{service}/withdraw")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken) =>
        ApplyAsync(request, company, service, withdraw: true, cancellationToken);

    [BureauOnly]
    [Function(nameof(CorrectService))]
    public Task<IActionResult> CorrectService(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies/{company}/services/{service}/corrections")] HttpRequest request,
        string company,
        string service,
        CancellationToken cancellationToken) =>
        ApplyAsync(request, company, service, withdraw: false, cancellationToken);

    private async Task<IActionResult> ApplyAsync(HttpRequest request, string company, string service, bool withdraw, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ChangeRequest>(request, cancellationToken);
        if (body?.Year is not { } year || !YearQuery.IsValid(year))
            return ApiResults.BadRequest("invalid-body", withdraw
                ? "Stuur JSON: { \"year\": 2026, \"reason\": \"wrong-company|wrong-perceel|not-ended\", \"note\": \"…\" }."
                : "Stuur JSON: { \"year\": 2026, \"perceel\": \"Naar werk\" en/of \"einddatum\": \"2026-03-31\", \"reason\": \"delivery-error|client-statement|uwv-record\", \"note\": \"…\" }.");

        var result = await population.ApplyAsync(new ServiceRef(company, year, service),
            new CorrectionRequest(withdraw, body.Reason, body.Note, withdraw ? null : body.Perceel, withdraw ? null : body.Einddatum, AuditActions.BureauKey),
            cancellationToken);
        if (result.Outcome == CorrectionOutcome.Done) return ApiResults.Json(ServiceHistoryJson.Of(result.Service!));
        return ApiResults.Error(CorrectionAnswers.For(result.Outcome, withdraw));
    }

    public sealed record ChangeRequest(int? Year, string? Reason, string? Note, string? Perceel, string? Einddatum);
}
