using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kto.Core.Deliveries;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Stores an uploaded export as <c>deliveries/{company}/{file}</c>, where the blob trigger picks it up.
/// The upload is streamed and cut off at the size limit, so a huge body never fills memory or storage.
/// </summary>
public sealed class DeliveryUploadService(BlobServiceClient blobs, DeliverySettings settings)
{
    /// <param name="declaredLength">The request's Content-Length, when it has one: a file declared too large is refused unread.</param>
    public async Task<UploadOutcome> UploadAsync(string company, string fileName, Stream body, long? declaredLength, CancellationToken cancellationToken)
    {
        if (declaredLength > settings.MaxFileBytes) return UploadOutcome.TooLarge;
        var blob = blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/{fileName}");
        if (await blob.ExistsAsync(cancellationToken))
            return UploadOutcome.Conflict;

        await using var limited = new LimitedStream(body, settings.MaxFileBytes);
        try
        {
            await blob.UploadAsync(limited, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
            }, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            return UploadOutcome.Conflict;
        }
        catch (LimitedStream.LimitExceededException)
        {
            return UploadOutcome.TooLarge;
        }
        return UploadOutcome.Stored;
    }
}

public enum UploadOutcome { Stored, Conflict, TooLarge }
