using Azure.Storage.Blobs;
using Kto.Core.Deliveries;

namespace Kto.Infrastructure.Storage;

/// <summary>A delivered file as a blob in the deliveries container.</summary>
public sealed class BlobDeliveryContent(BlobClient blob, long length) : IDeliveryContent
{
    public long Length { get; } = length;

    /// <summary>The blob, or null when it is gone (a concurrent run refused and deleted it; its receipt stands).</summary>
    public static async Task<BlobDeliveryContent?> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return new BlobDeliveryContent(blob, properties.Value.ContentLength);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) =>
        blob.DownloadToAsync(destination, cancellationToken);

    public Task DeleteAsync(CancellationToken cancellationToken) =>
        blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
