using Azure.Storage.Blobs;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Deliveries;

/// <summary>
/// A new export in <c>deliveries/{company}/{name}</c> becomes ended services and a receipt. Event Grid is the
/// source because Flex Consumption does not poll; running twice for one blob leaves the same state as once.
/// The trigger's blob names the file; its content is read through <see cref="IDeliveryInbox"/> like any other port.
/// </summary>
public sealed class IngestDeliveryFunction(DeliveryIngestService ingest, IDeliveryInbox inbox, ILogger<IngestDeliveryFunction> logger)
{
    [Function(nameof(IngestDelivery))]
    public async Task IngestDelivery(
        [BlobTrigger(IDeliveryInbox.Folder + "/{company}/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        string company,
        string name,
        CancellationToken cancellationToken)
    {
        if (!CompanyId.IsValid(company) || !DeliveryFileName.IsValid(name))
        {
            logger.LogWarning("Ignored a blob outside the delivery naming rules");
            return;
        }

        var content = await inbox.OpenAsync(company, name, cancellationToken);
        if (content is null)
        {
            logger.LogInformation("Delivery {File} for {CompanyId} is gone; an earlier run handled it", name, company);
            return;
        }
        Receipt receipt;
        try
        {
            receipt = await ingest.IngestAsync(company, name, content, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The type only: a message may quote file content. The trigger runs it again; the last run writes a receipt.
            logger.LogError("Delivery {File} for {CompanyId} failed ({ErrorType}); the trigger retries it, at most {MaxAttempts} runs in all",
                name, company, e.GetType().Name, DeliveryIngestService.MaxAttempts);
            throw;
        }
        logger.LogInformation("Delivery {File} for {CompanyId}: {Status}, {Rows} rows, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected",
            name, company, receipt.Status, receipt.Rows, receipt.Accepted, receipt.Duplicates,
            receipt.Rows - receipt.Accepted - receipt.Duplicates); // the receipt lists at most 100 rejections a code
    }
}
