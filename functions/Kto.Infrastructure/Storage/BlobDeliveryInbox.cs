using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kto.Core;
using Kto.Core.Deliveries;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Stores an uploaded export as <c>deliveries/{company}/{file}</c>, where the blob trigger picks it up.
/// The upload is streamed and cut off at the size limit, so a huge body never fills memory or storage.
/// </summary>
public sealed class BlobDeliveryInbox(BlobServiceClient blobs) : IDeliveryInbox
{
    public async Task<IDeliveryContent?> OpenAsync(string company, string fileName, CancellationToken cancellationToken) =>
        await BlobDeliveryContent.OpenAsync(Blob(company, fileName), cancellationToken);

    private BlobClient Blob(string company, string fileName) =>
        blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/{fileName}");

    public async Task<InboxOutcome> StoreAsync(string company, string fileName, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var blob = Blob(company, fileName);
        if (await blob.ExistsAsync(cancellationToken))
            return InboxOutcome.Exists;

        await using var limited = new LimitedStream(body, maxBytes);
        try
        {
            await blob.UploadAsync(limited, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
            }, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            return InboxOutcome.Exists;
        }
        catch (LimitedStream.LimitExceededException)
        {
            return InboxOutcome.TooLarge;
        }
        return InboxOutcome.Stored;
    }
}
