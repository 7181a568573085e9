using Kto.Core;
using System.Text.Json;
using Azure.Storage.Blobs;
using Kto.Core.Deliveries;
using Kto.Core.Portal;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The deliveries list from what storage already holds: the receipts (processed files, with their counts) and the
/// uploaded blobs that have no receipt yet (being processed). No second ledger to keep in step.
/// </summary>
public sealed class BlobDeliveryHistory(BlobServiceClient blobs) : IDeliveryHistory
{
    private readonly BlobContainerClient receipts = blobs.GetBlobContainerClient(StorageNames.ReceiptsContainer);
    private readonly BlobContainerClient uploads = blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer);

    public async Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken)
    {
        var prefix = company + "/";
        var entries = new Dictionary<string, DeliveryEntry>(StringComparer.Ordinal);
        await foreach (var item in receipts.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            var content = await receipts.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            var receipt = content.Value.Content.ToObjectFromJson<Receipt>(KtoJson.Options);
            if (receipt is null) continue;
            entries[receipt.File] = new DeliveryEntry(receipt.File, receipt.ProcessedAt, receipt.Status, receipt.Rows,
                receipt.Accepted, receipt.Duplicates, receipt.Rejected.Count);
        }
        await foreach (var item in uploads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            var file = item.Name[prefix.Length..];
            if (entries.TryGetValue(file, out var processed))
            {
                // The upload time is when the company delivered; the receipt's time is when processing ended.
                if (item.Properties.CreatedOn is { } created) entries[file] = processed with { ReceivedAt = created };
                continue;
            }
            entries[file] = new DeliveryEntry(file, item.Properties.CreatedOn ?? DateTimeOffset.UtcNow, null, 0, 0, 0, 0);
        }
        return entries.Values.OrderByDescending(e => e.ReceivedAt).ToList();
    }
}
