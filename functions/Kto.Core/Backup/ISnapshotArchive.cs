namespace Kto.Core.Backup;

/// <summary>Where the nightly snapshots are kept (in Azure: the backup storage account), each under its own name.</summary>
public interface ISnapshotArchive
{
    /// <summary>False when no backup account is configured: the nightly run then writes nothing.</summary>
    bool Configured { get; }

    /// <summary>Every snapshot's name (<see cref="SnapshotNames"/>), complete or not.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    ISnapshotFiles Open(string name);

    /// <summary>Deletes the given files of a snapshot, or every file when <paramref name="paths"/> is null.</summary>
    Task DeleteAsync(string name, IReadOnlyCollection<string>? paths, CancellationToken cancellationToken);
}
