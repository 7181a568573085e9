using Kto.Core.Deliveries;

namespace Kto.Functions.Deliveries;

/// <summary>The receipt of a delivered file, once it has been processed (404 until then).</summary>
public sealed class GetReceiptFunction(IDeliveryStore store)
{
    [CompanyAccess]
    [Function(nameof(GetReceipt))]
    public async Task<IActionResult> GetReceipt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/deliveries/{company}/{file}/receipt")] HttpRequest request,
        string company,
        string file,
        CancellationToken cancellationToken)
    {
        if (!DeliveryFileName.IsValid(file)) return ApiResults.NotFound("Onbekend bestand.");

        var receipt = await store.GetReceiptAsync(company, file, cancellationToken);
        return receipt is null
            ? ApiResults.NotFound("Dit bestand is (nog) niet verwerkt. Probeer het over een paar seconden opnieuw.")
            : ApiResults.Json(receipt);
    }
}
