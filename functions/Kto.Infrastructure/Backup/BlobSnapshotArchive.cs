using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Kto.Core.Backup;

namespace Kto.Infrastructure.Backup;

/// <summary>
/// The snapshots in the backup storage account: one container, a prefix per snapshot (<c>kto-20261205-040000/…</c>).
/// With the container's immutability policy a blob cannot be changed or deleted until its period has passed.
/// </summary>
public sealed class BlobSnapshotArchive(BlobContainerClient container) : ISnapshotArchive
{
    public bool Configured => true;

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken)) return [];
        var names = new List<string>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, cancellationToken))
            if (item.IsPrefix) names.Add(item.Prefix.TrimEnd('/'));
        return names;
    }

    public ISnapshotFiles Open(string name) => new BlobSnapshotFiles(container, name);

    public async Task DeleteAsync(string name, IReadOnlyCollection<string>? paths, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (paths is null)
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, name + "/", cancellationToken)) names.Add(blob.Name);
        else
            names.AddRange(paths.Select(p => $"{name}/{p}"));
        foreach (var blob in names)
            await container.GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private sealed class BlobSnapshotFiles(BlobContainerClient container, string name) : ISnapshotFiles
    {
        public string Location => $"{container.Uri}/{name}";

        public async Task<Stream> CreateAsync(string path, CancellationToken cancellationToken)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return await container.GetBlockBlobClient($"{name}/{path}").OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
        }

        public async Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
        {
            try
            {
                return await container.GetBlobClient($"{name}/{path}").OpenReadAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404) { return null; }
        }
    }
}
