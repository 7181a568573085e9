using Azure.Identity;
using Azure.Storage.Blobs;
using Kto.Core.Backup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Backup;

/// <summary>Backups: the stack's storage as a snapshot reads it, and the backup account the nightly snapshot goes to.</summary>
public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddKtoBackup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IStackStorage, StackStorage>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        services.AddSingleton<ISnapshotArchive>(provider => Archive(provider.GetRequiredService<BackupSettings>(), configuration));
        services.AddSingleton<SnapshotRetention>();
        services.AddSingleton<NightlyBackupService>();
        return services;
    }

    /// <summary>The backup account's container; without one configured an archive that holds nothing and refuses writes.</summary>
    private static ISnapshotArchive Archive(BackupSettings settings, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
            return new BlobSnapshotArchive(new BlobServiceClient(settings.ConnectionString).GetBlobContainerClient(settings.Container));
        if (!string.IsNullOrWhiteSpace(settings.BlobServiceUri))
        {
            var clientId = configuration.GetSection(StorageClients.Setting)["clientId"];
            var credential = string.IsNullOrWhiteSpace(clientId)
                ? (Azure.Core.TokenCredential)new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            return new BlobSnapshotArchive(new BlobServiceClient(new Uri(settings.BlobServiceUri), credential).GetBlobContainerClient(settings.Container));
        }
        return new NoSnapshotArchive();
    }
}
