namespace Kto.Core.Backup;

/// <summary>
/// The keys of a stack on one machine (<c>KTO_DATA</c>): the survey form key (short codes on printed letters are
/// hashed with it), the portal session key and the bureau's signing certificate. In Azure they live in Key Vault
/// and are not part of a snapshot.
/// </summary>
public interface ILocalKeys
{
    /// <summary>Every key a restored stack needs.</summary>
    IReadOnlyList<LocalKey> Expected { get; }

    /// <summary>The keys present, by name.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Puts keys back, replacing the files of the same names.</summary>
    Task WriteAsync(IReadOnlyDictionary<string, byte[]> keys, CancellationToken cancellationToken);
}
