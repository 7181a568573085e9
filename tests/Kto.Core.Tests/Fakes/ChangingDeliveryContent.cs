using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// A delivered file whose local copy can be changed after ingest made it: acts out a file that reads differently in
/// the second pass than in the first (a damaged disk or a reader fault), which no real file does on demand.
/// </summary>
public sealed class ChangingDeliveryContent(byte[] bytes) : IDeliveryContent
{
    private Stream? _copy;

    public long Length => bytes.Length;

    public bool Deleted { get; private set; }

    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        _copy = destination;
        return destination.WriteAsync(bytes, cancellationToken).AsTask();
    }

    /// <summary>Replaces what the ingest's local copy holds from now on.</summary>
    public void ChangeCopyTo(byte[] changed)
    {
        var copy = _copy ?? throw new InvalidOperationException("The ingest has made no copy yet.");
        copy.SetLength(0);
        copy.Write(changed);
        copy.Flush();
        copy.Position = 0;
    }

    public Task DeleteAsync(CancellationToken cancellationToken)
    {
        Deleted = true;
        return Task.CompletedTask;
    }
}
