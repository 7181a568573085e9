using Azure;
using Kto.Core.Companies;

namespace Kto.Infrastructure.Storage;

/// <summary>Companies in Table storage; the key is kept only as its SHA-256.</summary>
public sealed class TableCompanyStore(TableServiceClient tables) : ICompanyStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.CompaniesTable);

    public async Task<bool> TryAddAsync(Company company, string keyHash, CancellationToken cancellationToken)
    {
        var entity = CompanyRows.Write(company, keyHash);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(companyId, cancellationToken);
        return entity is null ? null : CompanyRows.Read(entity);
    }

    public async Task<string?> GetKeyHashAsync(string companyId, CancellationToken cancellationToken) =>
        await FindAsync(companyId, cancellationToken) is { } e ? CompanyRows.KeyHashOf(e) : null;

    public async Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Company>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == TableKeys.CompanyPartition, cancellationToken: cancellationToken))
            list.Add(CompanyRows.Read(entity));
        return list;
    }

    private async Task<TableEntity?> FindAsync(string companyId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.CompanyPartition, companyId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
