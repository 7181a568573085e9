using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Makes sure every container and table exists before the first trigger runs. In Azure infra-bicep creates
/// them already; creating what exists is a no-op, and locally Azurite starts empty.
/// </summary>
public sealed class StorageInitializer(BlobServiceClient blobs, TableServiceClient tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var container in StorageNames.Containers)
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in StorageNames.Tables)
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
