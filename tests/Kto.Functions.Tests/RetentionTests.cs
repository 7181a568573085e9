using Azure.Data.Tables;
using Kto.Core.Fieldwork;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>Contact data is deleted once its retention is over; the pseudonymous services stay for the report.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class RetentionTests(LocalStack stack)
{
    [Fact]
    public async Task Contact_data_goes_after_fieldwork_closes_plus_the_retention_days_and_services_stay()
    {
        var (company, _) = await stack.NewCompanyAsync("r");
        await stack.DeliverAsync(company, "r.csv", Exports.Csv(Exports.Row("R1"), Exports.Row("R2")));
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        var partition = TableKeys.CompanyYear(company, 2026);

        // Fieldwork for 2026 closes 31 January 2027; with 90 days retention contact data goes after 1 May 2027.
        var early = await stack.RunJobAsync("purge-expired", new DateTimeOffset(2027, 4, 30, 12, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(2, await CountAsync(tables, StorageNames.ContactsTable, partition));

        var late = await stack.RunJobAsync("purge-expired", new DateTimeOffset(2027, 5, 2, 12, 0, 0, TimeSpan.FromHours(2)));
        Assert.True(late.GetProperty("contactsDeleted").GetInt32() >= 2);
        Assert.Equal(0, await CountAsync(tables, StorageNames.ContactsTable, partition));
        Assert.Equal(2, await CountAsync(tables, StorageNames.ServicesTable, partition));

        // Without contact data nobody can be mailed any more.
        var fieldwork = stack.Services.GetRequiredService<IFieldworkStore>();
        await foreach (var c in fieldwork.CandidatesAsync(company, 2026, CancellationToken.None))
            Assert.Null(await fieldwork.GetContactAsync(c.Ref, CancellationToken.None));
    }

    private static async Task<int> CountAsync(TableServiceClient tables, string table, string partition) =>
        (await tables.GetTableClient(table).QueryAsync<TableEntity>($"PartitionKey eq '{partition}'").ToListAsync()).Count;
}
