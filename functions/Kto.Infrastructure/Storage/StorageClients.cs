using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Builds the storage SDK clients from the same settings the Functions host reads: a connection string in
/// <c>AzureWebJobsStorage</c> (Azurite, local), or in Azure the identity-based form
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__tableServiceUri</c>, <c>__clientId</c>) with managed identity.
/// </summary>
public static class StorageClients
{
    public const string Setting = "AzureWebJobsStorage";

    public static (BlobServiceClient Blobs, TableServiceClient Tables) Create(IConfiguration configuration)
    {
        var connectionString = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(connectionString))
            return (new BlobServiceClient(connectionString), new TableServiceClient(connectionString));

        var section = configuration.GetSection(Setting);
        var blobUri = section["blobServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(tableUri))
            throw new InvalidOperationException(
                $"Storage is not configured: set {Setting} (a connection string) or {Setting}__blobServiceUri and {Setting}__tableServiceUri.");

        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return (new BlobServiceClient(new Uri(blobUri), credential), new TableServiceClient(new Uri(tableUri), credential));
    }
}
