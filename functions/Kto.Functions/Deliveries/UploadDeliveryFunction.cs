using Kto.Core.Access;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Functions.Http;
using Kto.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Deliveries;

/// <summary>
/// A company uploads its monthly export; it is stored where the blob trigger picks it up, and the answer says
/// where the receipt will appear.
/// </summary>
public sealed class UploadDeliveryFunction(
    AccessService access,
    ICompanyStore companies,
    DeliveryUploadService uploads,
    DeliveryIngestService ingest,
    ILogger<UploadDeliveryFunction> logger)
{
    [Function(nameof(UploadDelivery))]
    public async Task<IActionResult> UploadDelivery(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deliveries/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessMaySeeAsync(request, company, cancellationToken) is { } denied) return denied;
        if (await companies.GetAsync(company, cancellationToken) is null)
            return ApiResults.NotFound($"Bedrijf '{company}' is niet geregistreerd.");

        var name = request.Query["name"].ToString();
        if (!DeliveryFileName.IsValid(name))
            return ApiResults.BadRequest("invalid-name",
                "Geef de bestandsnaam mee als ?name=levering-2026-03.csv (letters, cijfers, punt, streepje; geen mappen).");

        var outcome = await uploads.UploadAsync(company, name, request.Body, request.ContentLength, cancellationToken);
        var receiptUrl = $"/api/deliveries/{company}/{Uri.EscapeDataString(name)}/receipt";
        switch (outcome)
        {
            case UploadOutcome.Conflict:
                return ApiResults.Error(StatusCodes.Status409Conflict, "file-exists",
                    $"Er is al een bestand '{name}' aangeleverd. Gebruik een nieuwe naam, bijvoorbeeld met de maand erin.");
            case UploadOutcome.TooLarge:
                var refused = await ingest.RefuseTooLargeAsync(company, name, cancellationToken);
                return ApiResults.Json(refused, StatusCodes.Status413PayloadTooLarge);
        }

        logger.LogInformation("Delivery {File} stored for {CompanyId}", name, company);
        return new AcceptedResult(receiptUrl, new { company, file = name, receipt = receiptUrl });
    }
}
