namespace Kto.Core;

/// <summary>
/// A read-only wrapper that throws once more than <c>limit</c> bytes have been read: an upload is cut off while it
/// streams, never buffered first (the delivery inbox and the portal's upload form alike). <c>tooLarge</c> makes the
/// exception the caller's edge expects; by default a <see cref="LimitExceededException"/>.
/// </summary>
public sealed class LimitedStream(Stream inner, long limit, Func<Exception>? tooLarge = null) : Stream
{
    private long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int n)
    {
        read += n;
        if (read > limit) throw tooLarge?.Invoke() ?? new LimitExceededException();
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public sealed class LimitExceededException() : IOException("The upload is larger than the size limit.");
}
