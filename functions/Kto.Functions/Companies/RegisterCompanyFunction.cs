using Kto.Core.Accounts;
using Kto.Core;
using Kto.Core.Companies;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Companies;

/// <summary>The bureau registers a company; the answer carries the company key, the only time it is shown.</summary>
public sealed class RegisterCompanyFunction(CompanyService companies, ILogger<RegisterCompanyFunction> logger)
{
    [BureauOnly]
    [Function(nameof(RegisterCompany))]
    public async Task<IActionResult> RegisterCompany(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RegisterCompanyRequest>(request, cancellationToken);
        if (body is null) return ApiResults.BadRequest("invalid-body", "Stuur JSON: { \"id\": \"acme\", \"name\": \"Acme Re-integratie\" }.");

        var result = await companies.RegisterAsync(AuditActions.BureauKey, body.Id, body.Name, cancellationToken);
        if (result.Error is { } error) return ApiResults.Error(RegistrationAnswers.For(error, body.Id));

        logger.LogInformation("Company {CompanyId} registered", result.Company!.Id);
        return ApiResults.Json(new { id = result.Company.Id, name = result.Company.Name, key = result.Key }, StatusCodes.Status201Created);
    }

    public sealed record RegisterCompanyRequest(string? Id, string? Name);
}
