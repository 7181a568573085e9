using Azure;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The mail job's batch writes and reads for a state table, its contacts and its attempts (clients' and
/// opdrachtgevers' tables alike): one transaction per partition and up to <see cref="MaxPerTransaction"/> rows,
/// instead of one request per service.
/// </summary>
public static class FieldworkBatches
{
    /// <summary>Azure Tables takes at most 100 operations in one transaction.</summary>
    public const int MaxPerTransaction = 100;

    /// <summary>
    /// Claims with the ETag each service was read with, all in one transaction per partition: when one service changed
    /// since (412) or is gone (404), the transaction changes nothing, that service is busy and the others are tried again.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimOutcome>> ClaimAllAsync(TableClient state,
        IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var outcomes = new ClaimOutcome[claims.Count];
        foreach (var chunk in Chunks(claims.Select(c => c.Candidate.Ref).ToList()))
        {
            var open = chunk.ToList();
            while (open.Count > 0)
            {
                try
                {
                    await state.SubmitTransactionAsync(open.Select(i => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        ServiceRows.Claim(claims[i].Candidate.Ref, claims[i].Step.Number, until), new ETag(claims[i].Candidate.Version))), cancellationToken);
                    foreach (var i in open) outcomes[i] = ClaimOutcome.Claimed;
                    open.Clear();
                }
                catch (TableTransactionFailedException e) when (e.Status is 412 or 404 && e.FailedTransactionActionIndex is { } failed && failed < open.Count)
                {
                    outcomes[open[failed]] = ClaimOutcome.Busy;
                    open.RemoveAt(failed);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Whether the transaction was written is unknown: leave these services alone, as a single claim would.
                    foreach (var i in open) outcomes[i] = ClaimOutcome.Unknown;
                    open.Clear();
                }
            }
        }
        return outcomes;
    }

    /// <summary>
    /// One query per partition for the row-key range the batch spans, keeping the batch's rows. Batches come in row-key
    /// order, so over a whole run the ranges never overlap: at most one read of each contacts partition.
    /// </summary>
    public static async Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> ContactsAsync(TableClient contacts, IReadOnlyList<ServiceRef> services,
        Func<TableEntity, ContactDetails> read, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ServiceRef, ContactDetails>();
        foreach (var partition in services.Distinct().GroupBy(ServiceRows.Partition))
        {
            var wanted = partition.ToDictionary(s => s.ServiceId, StringComparer.Ordinal);
            var keys = wanted.Keys.Order(StringComparer.Ordinal).ToList();
            var filter = $"PartitionKey eq {TableKeys.Quote(partition.Key)} and RowKey ge {TableKeys.Quote(keys[0])} and RowKey le {TableKeys.Quote(keys[^1])}";
            await foreach (var e in contacts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                if (wanted.TryGetValue(e.RowKey, out var service)) found[service] = read(e);
        }
        return found;
    }

    /// <summary>
    /// The attempts first, in one transaction per partition, then the services' updates (which clear the claims) in one:
    /// if the run dies in between, the claims stay and the next run records "unknown" rather than mailing again. Both
    /// writes are idempotent (an attempt's row key is service, step and time), so a failed batch may be recorded again.
    /// </summary>
    public static async Task RecordAllAsync(TableClient state, TableClient attempts,
        IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        await RecordAttemptsAsync(attempts, records, cancellationToken);
        await ApplyUpdatesAsync(state, records, cancellationToken);
    }

    /// <summary>The first write of <see cref="RecordAllAsync"/>: the attempts, one transaction per partition.</summary>
    public static async Task RecordAttemptsAsync(TableClient attempts,
        IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(records.Select(r => r.Attempt.Service).ToList()))
            await attempts.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                AttemptRows.Write(records[i].Attempt))), cancellationToken);
    }

    /// <summary>The second write of <see cref="RecordAllAsync"/>, after the attempts: the services' updates, which clear the claims.</summary>
    public static async Task ApplyUpdatesAsync(TableClient state,
        IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(records.Select(r => r.Attempt.Service).ToList()))
            await state.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                ServiceRows.Recorded(records[i].Attempt.Service, records[i].Attempt.Step, records[i].Update), ETag.All)), cancellationToken);
    }

    /// <summary>Clears claims this run holds (no other run takes a live claim), one transaction per partition.</summary>
    public static async Task ReleaseAsync(TableClient state, IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(services))
            await state.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(ServiceRows.Partition(services[i]), services[i].ServiceId) { [ServiceColumns.ClaimStep] = ServiceColumns.NoClaim },
                ETag.All)), cancellationToken);
    }

    /// <summary>The positions of the batch grouped by partition, at most <see cref="MaxPerTransaction"/> a group.</summary>
    private static List<int[]> Chunks(IReadOnlyList<ServiceRef> services) =>
        Enumerable.Range(0, services.Count).GroupBy(i => ServiceRows.Partition(services[i]))
            .SelectMany(g => g.Chunk(MaxPerTransaction)).ToList();
}
