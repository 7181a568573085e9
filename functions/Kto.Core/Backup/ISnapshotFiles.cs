namespace Kto.Core.Backup;

/// <summary>The files of one snapshot: a folder (<c>./kto backup --out DIR</c>) or a prefix in the backup storage account.</summary>
public interface ISnapshotFiles
{
    /// <summary>Where the snapshot is, for messages (a folder path or a blob prefix).</summary>
    string Location { get; }

    /// <summary>A new file to write; <paramref name="path"/> is relative, with '/' between its parts.</summary>
    Task<Stream> CreateAsync(string path, CancellationToken cancellationToken);

    /// <summary>The file to read, or null when it is not there.</summary>
    Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken);
}
