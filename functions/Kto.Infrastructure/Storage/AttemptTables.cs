using System.Runtime.CompilerServices;
using Azure;
using Kto.Core.Survey;
using Kto.Core.Fieldwork;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The attempt rule for clients and opdrachtgevers alike, over their own pair of tables: the attempt row first, then
/// the merge into the service's state row, so that after a crash in between the claim stays and the next run records
/// "unknown" rather than mailing again.
/// </summary>
public sealed class AttemptTables(TableClient attempts, TableClient states)
{
    public async Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        // A retry of this write changes nothing (AttemptRows: the row key is service, step and time).
        await attempts.UpsertEntityAsync(AttemptRows.Write(attempt), TableUpdateMode.Replace, cancellationToken);
        await states.UpdateEntityAsync(ServiceRows.Recorded(attempt.Service, attempt.Step, update), ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>A letter or call recorded by hand: create-only, so the same attempt twice is recorded once (false the second time).</summary>
    public async Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await attempts.AddEntityAsync(AttemptRows.WriteOnce(attempt), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await states.UpdateEntityAsync(ServiceRows.Recorded(attempt.Service, attempt.Step, update), ETag.All, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<ContactAttempt> AttemptsOfAsync(ServiceRef service, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in attempts.QueryAsync<TableEntity>(AttemptRows.ServiceFilter(service), cancellationToken: cancellationToken))
        {
            var attempt = AttemptRows.Read(service.Company, service.Year, e);
            if (attempt.Service == service) yield return attempt;
        }
    }
}
