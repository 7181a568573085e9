using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Fakes;

/// <summary>Uploaded files in memory, with the inbox's rules: never over an existing name, nothing past the limit.</summary>
public sealed class InMemoryDeliveryInbox : IDeliveryInbox
{
    public Dictionary<string, byte[]> Files { get; } = new();

    public int Reads { get; private set; }

    public async Task<InboxOutcome> StoreAsync(string company, string fileName, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        Reads++;
        if (Files.ContainsKey($"{company}/{fileName}")) return InboxOutcome.Exists;
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, cancellationToken);
        if (copy.Length > maxBytes) return InboxOutcome.TooLarge;
        Files[$"{company}/{fileName}"] = copy.ToArray();
        return InboxOutcome.Stored;
    }

    public Task<IDeliveryContent?> OpenAsync(string company, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult<IDeliveryContent?>(Files.TryGetValue($"{company}/{fileName}", out var bytes) ? new StoredFile(this, $"{company}/{fileName}", bytes) : null);

    private sealed class StoredFile(InMemoryDeliveryInbox inbox, string key, byte[] bytes) : IDeliveryContent
    {
        public long Length => bytes.Length;

        public Task CopyToAsync(Stream destination, CancellationToken cancellationToken) => destination.WriteAsync(bytes, cancellationToken).AsTask();

        public Task DeleteAsync(CancellationToken cancellationToken)
        {
            inbox.Files.Remove(key);
            return Task.CompletedTask;
        }
    }
}
