using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kto.Core.Access;

namespace Kto.Core.Survey;

/// <summary>
/// Fresh tokens (as <see cref="SurveyToken.New()"/>: 24 random bytes, base64url) sorted by the first byte of their
/// hash, so a store that keys tokens by that byte gets a mail batch's tokens in one partition, written in one
/// transaction. Drawing until a token fits a chosen byte threw away 255 of every 256 draws; here every draw is kept
/// in the bin of its hash's byte until a batch takes it, and a batch takes the tokens of the first bin that holds
/// enough. After the first batch of a process a batch needs about one draw per token.
/// </summary>
/// <remarks>
/// What stays secret: a token is still 24 bytes from the system's cryptographic generator; grouping tokens by a hash
/// byte that storage holds anyway leaves 184 bits to guess, as fixing that byte by drawing did. A token is handed
/// out once and removed; tokens not yet handed out are only in this process's memory (never written, gone with the
/// process), at most <see cref="MaxTake"/> - 1 a bin: under 26,000 tokens (about 2 MB) with the largest batches.
/// </remarks>
public sealed class SurveyTokenPool
{
    /// <summary>The most tokens one <see cref="Take"/> hands out (a table transaction's limit).</summary>
    public const int MaxTake = 100;

    private const int RandomBytes = 24;
    // The random bytes for many draws at once: one call to the generator costs more than hashing a draw.
    private const int DrawsPerFill = 64;

    private readonly Stack<string>[] bins = Enumerable.Range(0, 256).Select(_ => new Stack<string>()).ToArray();
    private readonly Lock gate = new();

    /// <summary>
    /// <paramref name="count"/> (1 to <see cref="MaxTake"/>) fresh tokens whose hashes share their first byte, with
    /// their hashes (<see cref="SecretKeys.Hash"/>).
    /// </summary>
    public IReadOnlyList<(string Token, string Hash)> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxTake);
        lock (gate)
        {
            var bin = Fullest();
            if (bin.Count < count) bin = DrawUntilABinHolds(count);
            var taken = new List<(string Token, string Hash)>(count);
            for (var i = 0; i < count; i++)
            {
                var token = bin.Pop();
                taken.Add((token, SecretKeys.Hash(token)));
            }
            return taken;
        }
    }

    /// <summary>How many tokens wait in the pool (for tests and the bound above).</summary>
    public int Waiting
    {
        get { lock (gate) return bins.Sum(b => b.Count); }
    }

    private Stack<string> Fullest()
    {
        var fullest = bins[0];
        foreach (var bin in bins)
            if (bin.Count > fullest.Count) fullest = bin;
        return fullest;
    }

    private Stack<string> DrawUntilABinHolds(int count)
    {
        var random = new byte[RandomBytes * DrawsPerFill];
        Span<byte> text = stackalloc byte[Base64Url.GetEncodedLength(RandomBytes)];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        while (true)
        {
            RandomNumberGenerator.Fill(random);
            for (var draw = 0; draw < DrawsPerFill; draw++)
            {
                Base64Url.EncodeToUtf8(random.AsSpan(draw * RandomBytes, RandomBytes), text); // as SecretKeys.Create: base64url, no padding
                SHA256.HashData(text, hash);
                var bin = bins[hash[0]];
                bin.Push(Encoding.ASCII.GetString(text));
                // The rest of this fill stays unused in the buffer, which is overwritten by the next fill.
                if (bin.Count >= count)
                {
                    CryptographicOperations.ZeroMemory(random);
                    return bin;
                }
            }
        }
    }
}
