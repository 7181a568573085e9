using Azure;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Sets a mark on a service's (or opdrachtgever's) row just before the row it announces is added to another table
/// (<see cref="ServiceColumns.MayHaveCorrections"/>, <see cref="ServiceColumns.MayHaveResponse"/>): mark first, so
/// a reader that finds the row unmarked knows the other row does not exist, whatever crashes in between.
/// </summary>
internal static class ServiceMarks
{
    public static async Task SetAsync(TableClient table, TableEntity mark, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No such row (rows are never deleted): no page reads it, so there is nothing to mark.
        }
    }
}
