using System.Security.Cryptography;
using Kto.Core.Backup;

namespace Kto.Core.Tests.Backup;

/// <summary>The size and SHA-256 a manifest lists come from this stream, whichever way a file is written to it.</summary>
public sealed class HashingWriteStreamTests
{
    [Fact]
    public async Task Every_way_of_writing_is_counted_hashed_and_passed_through()
    {
        var inner = new MemoryStream();
        var hashing = new HashingWriteStream(inner);

        hashing.Write([1, 2, 3, 4], 1, 2);
        hashing.Write([5, 6]);
        await hashing.WriteAsync(new byte[] { 7, 8, 9 }, 0, 3, default);
        await hashing.WriteAsync(new byte[] { 10 }.AsMemory(), default);
        hashing.Flush();

        byte[] expected = [2, 3, 5, 6, 7, 8, 9, 10];
        Assert.Equal(expected, inner.ToArray());
        Assert.Equal((8L, 8L, 8L), (hashing.Written, hashing.Length, hashing.Position));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), hashing.Sha256());
    }
}
