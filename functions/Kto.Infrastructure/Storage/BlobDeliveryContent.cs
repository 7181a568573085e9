using Azure.Storage.Blobs;
using Kto.Core.Deliveries;

namespace Kto.Infrastructure.Storage;

/// <summary>A delivered file as a blob in the deliveries container.</summary>
public sealed class BlobDeliveryContent(BlobClient blob, long length) : IDeliveryContent
{
    public long Length { get; } = length;

    public static async Task<BlobDeliveryContent> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return new BlobDeliveryContent(blob, properties.Value.ContentLength);
    }

    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) =>
        blob.DownloadToAsync(destination, cancellationToken);

    public Task DeleteAsync(CancellationToken cancellationToken) =>
        blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
