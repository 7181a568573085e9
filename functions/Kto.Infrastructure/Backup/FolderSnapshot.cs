using Kto.Core.Backup;

namespace Kto.Infrastructure.Backup;

/// <summary>A snapshot as a folder on disk (<c>./kto backup --out DIR</c>); paths never leave the folder.</summary>
public sealed class FolderSnapshot(string folder) : ISnapshotFiles
{
    private readonly string root = Path.GetFullPath(folder);

    public string Location => root;

    public Task<Stream> CreateAsync(string path, CancellationToken cancellationToken)
    {
        var full = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Task.FromResult<Stream>(new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true));
    }

    public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = FullPath(path);
        return Task.FromResult<Stream?>(File.Exists(full) ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    private string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"{path} is not inside the snapshot folder", nameof(path));
        return full;
    }
}
