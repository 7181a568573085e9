namespace Kto.Core.Deliveries;

/// <summary>Where uploaded exports wait for ingest (blob storage in Kto.Infrastructure, where the blob trigger picks them up).</summary>
public interface IDeliveryInbox
{
    /// <summary>
    /// The folder (blob container) companies drop their exports in, as <c>deliveries/{company}/{file}</c>: the contract
    /// with the companies, so the blob trigger's path and the storage adapter name it from here.
    /// </summary>
    const string Folder = "deliveries";

    /// <summary>
    /// Stores <paramref name="body"/> under the company and file name, never over an existing file, and stops reading
    /// once it passes <paramref name="maxBytes"/> (then nothing is stored).
    /// </summary>
    Task<InboxOutcome> StoreAsync(string company, string fileName, Stream body, long maxBytes, CancellationToken cancellationToken);

    /// <summary>A stored file for ingest, or null when it is gone (a concurrent run refused and deleted it; its receipt stands).</summary>
    Task<IDeliveryContent?> OpenAsync(string company, string fileName, CancellationToken cancellationToken);
}
