namespace Kto.Core.Deliveries;

/// <summary>The raw uploaded file, wherever it is kept (a blob in production).</summary>
public interface IDeliveryContent
{
    long Length { get; }

    Task CopyToAsync(Stream destination, CancellationToken cancellationToken);

    /// <summary>Removes the raw file: done for refused files, so nothing of them is kept.</summary>
    Task DeleteAsync(CancellationToken cancellationToken);
}
