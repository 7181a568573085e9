using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Fakes;

/// <summary>A delivered file held as bytes; says whether ingest read it and whether it deleted it.</summary>
public sealed class InMemoryDeliveryContent(byte[] bytes) : IDeliveryContent
{
    public long Length => bytes.Length;

    public int Reads { get; private set; }

    public bool Deleted { get; private set; }

    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        Reads++;
        return destination.WriteAsync(bytes, cancellationToken).AsTask();
    }

    public Task DeleteAsync(CancellationToken cancellationToken)
    {
        Deleted = true;
        return Task.CompletedTask;
    }
}
