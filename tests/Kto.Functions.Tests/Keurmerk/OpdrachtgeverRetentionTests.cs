using Azure.Data.Tables;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>Opdrachtgevers' contact data goes with the clients' after retention; their pseudonymous rows stay for the Keurmerk figures.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class OpdrachtgeverRetentionTests(LocalStack stack)
{
    [Fact]
    public async Task Opdrachtgever_contact_data_is_purged_after_retention_and_the_opdrachtgevers_stay()
    {
        var (company, _) = await stack.NewCompanyAsync("p");
        var year = Invitations.Year;
        await stack.DeliverAsync(company, "o.csv", KeurmerkTests.OpdrachtgeverList("UWV;Anna;anna@p.test;;2", "Gemeente;Piet;piet@p.test;;1"));
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        var partition = TableKeys.CompanyYear(company, year);
        Assert.Equal(2, await CountAsync(tables, StorageNames.OpdrachtgeverContactsTable, partition));

        // Fieldwork for the year closes 31 January of the next; with 90 days retention contact data goes after 1 May.
        await stack.RunJobAsync("purge-expired", new DateTimeOffset(year + 1, 4, 30, 12, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(2, await CountAsync(tables, StorageNames.OpdrachtgeverContactsTable, partition));

        var late = await stack.RunJobAsync("purge-expired", new DateTimeOffset(year + 1, 5, 2, 12, 0, 0, TimeSpan.FromHours(2)));
        Assert.True(late.GetProperty("contactsDeleted").GetInt32() >= 2);
        Assert.Equal(0, await CountAsync(tables, StorageNames.OpdrachtgeverContactsTable, partition));
        Assert.Equal(2, await CountAsync(tables, StorageNames.OpdrachtgeversTable, partition));
    }

    private static async Task<int> CountAsync(TableServiceClient tables, string table, string partition)
    {
        var count = 0;
        await foreach (var _ in tables.GetTableClient(table).QueryAsync<TableEntity>($"PartitionKey eq '{partition}'", select: ["RowKey"]))
            count++;
        return count;
    }
}
