using Azure.Data.Tables;
using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
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

    [Fact]
    public async Task Every_year_past_retention_is_purged_however_old_and_the_links_of_those_years_expire()
    {
        var (company, _) = await stack.NewCompanyAsync("r");
        int[] oldYears = [1900, 2016, 2020];
        foreach (var year in oldYears)
            await StoredServices.StoreAsync(stack, company, $"OUD{year}", new DateOnly(year, 6, 1));
        await stack.DeliverAsync(company, "nu.csv", Exports.Csv(Exports.Row("NU1", einddatum: Invitations.Einddatum.ToString("dd-MM-yyyy"))));
        var oldLink = Assert.Single(await Invitations.MintTokensAsync(stack, company, 2016));
        var currentLink = Assert.Single(await Invitations.MintTokensAsync(stack, company, Invitations.Year));
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        var links = stack.Services.GetRequiredService<ISurveyTokenStore>();
        // Opened once before the purge, so the host knows the link (RecentTokens): the purge must make it forget it.
        Assert.NotNull(await links.FindAsync(SecretKeys.Hash(oldLink), CancellationToken.None));

        var result = await stack.RunJobAsync("purge-expired", DateTimeOffset.UtcNow);

        foreach (var year in oldYears)
        {
            Assert.Equal(0, await CountAsync(tables, StorageNames.ContactsTable, TableKeys.CompanyYear(company, year)));
            Assert.Equal(1, await CountAsync(tables, StorageNames.ServicesTable, TableKeys.CompanyYear(company, year)));
        }
        Assert.Equal(1, await CountAsync(tables, StorageNames.ContactsTable, TableKeys.CompanyYear(company, Invitations.Year)));
        Assert.True(result.GetProperty("tokensDeleted").GetInt32() >= 1);
        Assert.Null(await links.FindAsync(SecretKeys.Hash(oldLink), CancellationToken.None));
        Assert.NotNull(await links.FindAsync(SecretKeys.Hash(currentLink), CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await new SurveyClient(stack).GetAsync($"/api/s/{oldLink}")).Status);
    }

    private static async Task<int> CountAsync(TableServiceClient tables, string table, string partition) =>
        (await tables.GetTableClient(table).QueryAsync<TableEntity>($"PartitionKey eq '{partition}'").ToListAsync()).Count;
}
