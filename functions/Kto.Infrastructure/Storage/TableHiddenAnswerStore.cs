using Azure;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Storage;

/// <summary>Hidden open answers as rows of the reports table (<see cref="ReportRows.Hidden"/>), beside the company's drafts and versions.</summary>
public sealed class TableHiddenAnswerStore(TableServiceClient tables) : IHiddenAnswerStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.ReportsTable);

    public async Task<IReadOnlyList<HiddenAnswer>> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        var hidden = new List<HiddenAnswer>();
        await foreach (var e in table.QueryAsync<TableEntity>(ReportRows.HiddenFilter(company, year), cancellationToken: cancellationToken))
            hidden.Add(ReportRows.ReadHidden(e));
        return hidden.OrderBy(h => h.HiddenAt).ToList();
    }

    public async Task<(HiddenAnswer Record, bool Created)> AddAsync(string company, int year, HiddenAnswer hidden, CancellationToken cancellationToken)
    {
        var row = ReportRows.Hidden(company, year, hidden);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return (hidden, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Hidden before: the first record of who and why stands.
            var first = await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            return (ReportRows.ReadHidden(first.Value), false);
        }
    }
}
