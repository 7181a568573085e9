using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Deliveries;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// Writes a service and its contact row straight into storage, as ingest writes them, for end dates a delivery
/// may no longer bring (years before the previous one are refused): data from before that rule, or a closed year.
/// </summary>
public static class StoredServices
{
    public static async Task<string> StoreAsync(LocalStack stack, string company, string klantnummer, DateOnly einddatum, string? email = null)
    {
        var service = new EndedService
        {
            Klantnummer = klantnummer, Perceel = Perceel.NaarWerk, Einddatum = einddatum,
            Achternaam = "Jansen", Email = email ?? $"{klantnummer.ToLowerInvariant()}@{company}.test",
        };
        var stored = new NewService(service.Key.Id(), service, "direct", DateTimeOffset.UtcNow);
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        var partition = TableKeys.CompanyYear(company, einddatum.Year);
        await tables.GetTableClient(StorageNames.ContactsTable).AddEntityAsync(ContactRows.New(partition, stored));
        await tables.GetTableClient(StorageNames.ServicesTable).AddEntityAsync(ServiceRows.New(partition, stored));
        return stored.Id;
    }
}
