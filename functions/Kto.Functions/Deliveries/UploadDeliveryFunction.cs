using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Deliveries;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Deliveries;

/// <summary>
/// A company uploads its monthly export; it is stored where the blob trigger picks it up, and the answer says
/// where the receipt will appear.
/// </summary>
public sealed class UploadDeliveryFunction(
    AccessService access,
    DeliveryUploadService uploads,
    ILogger<UploadDeliveryFunction> logger)
{
    [CompanyAccess]
    [Function(nameof(UploadDelivery))]
    public async Task<IActionResult> UploadDelivery(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deliveries/{company}")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var name = request.Query["name"].ToString();
        var actor = AuditActions.ApiKey(await access.IdentifyAsync(request, cancellationToken));
        var upload = await uploads.UploadAsync(actor, company, name, request.Body, request.ContentLength, cancellationToken);
        switch (upload.Outcome)
        {
            case DeliveryUploadOutcome.UnknownCompany:
                return ApiResults.NotFound($"Bedrijf '{company}' is niet geregistreerd.");
            case DeliveryUploadOutcome.InvalidName:
                return ApiResults.BadRequest("invalid-name",
                    "Geef de bestandsnaam mee als ?name=levering-2026-03.csv (letters, cijfers, punt, streepje; geen mappen).");
            case DeliveryUploadOutcome.NameTaken:
                return ApiResults.Error(StatusCodes.Status409Conflict, "file-exists",
                    $"Er is al een bestand '{name}' aangeleverd. Gebruik een nieuwe naam, bijvoorbeeld met de maand erin.");
            case DeliveryUploadOutcome.TooLarge:
                return ApiResults.Json(upload.Refusal!, StatusCodes.Status413PayloadTooLarge);
        }

        var receiptUrl = $"/api/deliveries/{company}/{Uri.EscapeDataString(name)}/receipt";
        logger.LogInformation("Delivery {File} stored for {CompanyId}", name, company);
        return new AcceptedResult(receiptUrl, new { company, file = name, receipt = receiptUrl });
    }
}
