namespace Kto.Core.Tests;

/// <summary>An upload is cut off while it streams: up to the limit it reads as is, one byte more throws.</summary>
public sealed class LimitedStreamTests
{
    [Fact]
    public async Task A_body_of_exactly_the_limit_reads_whole()
    {
        await using var limited = new LimitedStream(new MemoryStream(new byte[10]), limit: 10);
        var copy = new MemoryStream();
        await limited.CopyToAsync(copy);
        Assert.Equal(10, copy.Length);
        Assert.Equal(10, limited.Position);
    }

    [Fact]
    public async Task One_byte_over_the_limit_throws_the_limit_exception()
    {
        await using var limited = new LimitedStream(new MemoryStream(new byte[11]), limit: 10);
        await Assert.ThrowsAsync<LimitedStream.LimitExceededException>(() => limited.CopyToAsync(new MemoryStream()));
    }

    [Fact]
    public void The_caller_chooses_the_exception_and_synchronous_reads_count_too()
    {
        using var limited = new LimitedStream(new MemoryStream(new byte[8]), limit: 5, () => new InvalidDataException("te groot"));
        var buffer = new byte[4];
        Assert.Equal(4, limited.Read(buffer, 0, 4));
        var thrown = Assert.Throws<InvalidDataException>(() => limited.Read(buffer, 0, 4));
        Assert.Equal("te groot", thrown.Message);
    }

    [Fact]
    public void It_is_read_only_and_cannot_seek()
    {
        using var limited = new LimitedStream(new MemoryStream(new byte[1]), limit: 1);
        Assert.True(limited.CanRead);
        Assert.False(limited.CanSeek);
        Assert.False(limited.CanWrite);
        Assert.Throws<NotSupportedException>(() => limited.Write([1], 0, 1));
        Assert.Throws<NotSupportedException>(() => limited.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => limited.Length);
    }
}
