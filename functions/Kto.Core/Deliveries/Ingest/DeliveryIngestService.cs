using System.Security.Cryptography;
using Kto.Core.Keurmerk;
using Kto.Core.Settings;
using Kto.Core.Operations;

namespace Kto.Core.Deliveries;

/// <summary>
/// Turns one delivered file into ended services and a receipt. Safe to run twice for the same file (a retried
/// trigger, a re-upload under another name): the content hash identifies the delivery, services it already wrote
/// count as accepted again and are never rewritten, and every run ends in a receipt, at the latest after
/// <see cref="MaxAttempts"/> runs. A service the bureau corrected is known under its corrected key too, so the corrected
/// row delivered later is a duplicate of it (<see cref="Population.PopulationCorrections.CorrectedIds"/>).
/// </summary>
public sealed partial class DeliveryIngestService(
    IDeliveryStore store,
    DeliveryParser parser,
    DeliverySettings settings,
    TimeProvider time,
    Population.ICorrectionStore? corrections = null,
    IOpdrachtgeverStore? opdrachtgevers = null,
    Portal.IOverviewSnapshots? overviewSnapshots = null)
{
    private const int BatchSize = 100; // the Table storage transaction limit

    public async Task<Receipt> IngestAsync(string company, string fileName, IDeliveryContent content, CancellationToken cancellationToken)
    {
        if (content.Length > settings.MaxFileBytes)
        {
            await content.DeleteAsync(cancellationToken);
            return await SaveAsync(TooLarge(company, fileName), cancellationToken);
        }

        // A local copy lets the parser read twice (refusal check first, then rows) without holding the file in memory.
        await using var copy = LocalDeliveryCopy.Create();
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        var contentHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, cancellationToken));

        var earlier = await store.FindDeliveryAsync(company, contentHash, cancellationToken);
        if (earlier is { Status: DeliveryStatus.Done })
        {
            if (earlier.FileName == fileName)
            {
                // The same blob triggered again: its receipt stands.
                var existing = await store.GetReceiptAsync(company, fileName, cancellationToken);
                if (existing is not null) return existing;
            }
            else
            {
                await content.DeleteAsync(cancellationToken);
                return await SaveAsync(new Receipt
                {
                    Company = company, File = fileName, Status = Receipt.Statuses.Duplicate,
                    Rows = earlier.Rows, Duplicates = earlier.Rows, ProcessedAt = time.GetUtcNow(),
                    Warnings = [new DeliveryIssue(null, null, DeliveryCodes.DuplicateFile,
                        WrittenMessages.Format(DeliveryMessages.DuplicateFile, earlier.FileName))],
                }, cancellationToken);
            }
        }

        copy.Position = 0;
        var inspection = SafeInspect(copy, fileName);
        if (inspection.Refusal is not null)
        {
            await content.DeleteAsync(cancellationToken);
            return await SaveAsync(new Receipt
            {
                Company = company, File = fileName, Status = Receipt.Statuses.Refused,
                Refusal = inspection.Refusal, Rows = inspection.DataRows, ProcessedAt = time.GetUtcNow(),
            }, cancellationToken);
        }

        // A raw file that held anything like a BSN is not kept, also when only a row is rejected or a column ignored:
        // the services are read from the local copy. (A run that dies after this leaves no blob to retry;
        // FinishStalledAsync writes its receipt.)
        if (inspection.ContainsBsn) await content.DeleteAsync(cancellationToken);

        // Runs of this blob count up while it stays in processing; a new blob with the same content starts afresh.
        var attempt = earlier is { Status: DeliveryStatus.Processing } && earlier.FileName == fileName ? earlier.Attempts + 1 : 1;
        var started = earlier?.StartedAt ?? time.GetUtcNow();
        if (attempt > MaxAttempts)
            // Earlier runs died without a word (a killed process): this one does not start over again.
            return await GiveUpAsync(company, fileName, contentHash, started, attempt - 1, content, cancellationToken);
        await store.SaveDeliveryAsync(new DeliveryRecord(company, contentHash, fileName, DeliveryStatus.Processing, 0, started, null, attempt), cancellationToken);

        var tally = new Tally(inspection.Warnings, settings.MaxIssuesPerCode) { Kind = inspection.Kind };
        try
        {
            copy.Position = 0;
            if (inspection.Kind == DeliveryKind.Opdrachtgevers)
                await StoreOpdrachtgeversAsync(company, contentHash, copy, inspection, tally, cancellationToken);
            else
                await StoreRowsAsync(company, fileName, contentHash, copy, inspection, tally, cancellationToken);
            var receipt = tally.Rows == 0
                ? tally.Receipt(company, fileName, Receipt.Statuses.Refused,
                    new DeliveryIssue(null, null, DeliveryCodes.EmptyFile, DeliveryMessages.NoClientRows), time.GetUtcNow())
                : tally.Receipt(company, fileName, Receipt.Statuses.Accepted, null, time.GetUtcNow());
            // A refused file is not kept, as a refusal after the first pass is not: nothing of it was stored.
            if (tally.Rows == 0) await content.DeleteAsync(cancellationToken);
            await SaveAsync(receipt, cancellationToken);
            await store.SaveDeliveryAsync(new DeliveryRecord(company, contentHash, fileName, DeliveryStatus.Done, receipt.Rows, started, time.GetUtcNow(), attempt), cancellationToken);
            KtoMetrics.Delivered(receipt);
            return receipt;
        }
        catch (UnreadableRowsException unreadable)
        {
            // The reader itself broke off (the census read the file, so this is rare): what was read stands, the
            // rest is refused, and a retry would only break off at the same row again.
            await content.DeleteAsync(cancellationToken);
            var broken = await SaveAsync(tally.Receipt(company, fileName, Receipt.Statuses.Refused, new DeliveryIssue(unreadable.Row, null, DeliveryCodes.UnreadableFile,
                WrittenMessages.Format(inspection.Kind == DeliveryKind.Opdrachtgevers ? DeliveryMessages.OpdrachtgeversUnreadableFrom : DeliveryMessages.UnreadableFrom,
                    unreadable.Row, tally.Accepted)), time.GetUtcNow()), cancellationToken);
            await store.SaveDeliveryAsync(new DeliveryRecord(company, contentHash, fileName, DeliveryStatus.Failed, tally.Rows, started, time.GetUtcNow(), attempt), cancellationToken);
            return broken;
        }
        catch (Exception) when (attempt >= MaxAttempts && !cancellationToken.IsCancellationRequested)
        {
            // The last run the trigger makes: storage kept failing, so the company gets a receipt instead of silence.
            return await GiveUpAsync(company, fileName, contentHash, started, attempt, content, cancellationToken);
        }
    }

    /// <summary>
    /// How many runs a blob gets before it ends in an <c>ingest-failed</c> receipt: the blob trigger's own retry
    /// count (host.json maxDequeueCount, default 5; the local watcher uses the same), so the last run the host
    /// makes is the one that writes the receipt.
    /// </summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Storing kept failing (storage, not the file): the company gets a receipt instead of silence. What was stored
    /// stays (insert-only, so it is never counted twice); the raw file goes, so the same name can be used again.
    /// </summary>
    private async Task<Receipt> GiveUpAsync(string company, string fileName, string contentHash, DateTimeOffset started, int attempts,
        IDeliveryContent content, CancellationToken cancellationToken)
    {
        var receipt = Refused(company, fileName, DeliveryCodes.IngestFailed,
            WrittenMessages.Format(DeliveryMessages.IngestFailed, attempts));
        await SaveAsync(receipt, cancellationToken);
        await store.SaveDeliveryAsync(new DeliveryRecord(company, contentHash, fileName, DeliveryStatus.Failed, 0, started, time.GetUtcNow(), attempts), cancellationToken);
        await content.DeleteAsync(cancellationToken);
        return receipt;
    }

    /// <summary>
    /// The services of a company and year ingest must not store again: every delivered one, with the delivery that
    /// brought it, and every corrected key, which names no delivery (so a row carrying it is always a duplicate).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken)
    {
        var delivered = await store.KnownServicesAsync(company, year, cancellationToken);
        if (corrections is null) return delivered;
        var corrected = Population.PopulationCorrections.CorrectedIds(
            await corrections.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken)).ToList();
        if (corrected.Count == 0) return delivered;
        var known = new Dictionary<string, string>(delivered, StringComparer.Ordinal);
        foreach (var (id, service) in corrected) known.TryAdd(id, "corrected:" + service);
        return known;
    }

    private Task StoreRowsAsync(string company, string fileName, string deliveryId, Stream copy,
        DeliveryInspection inspection, Tally tally, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return StoreAcceptedAsync(parser.ReadRows(copy, fileName, inspection, DutchTime.Today(time)), tally, deliveryId, Accepted,
            row => row.Service?.Key.Klantnummer,
            year => KnownServicesAsync(company, year, cancellationToken),
            (year, batch) => store.InsertServicesAsync(company, year, batch, cancellationToken));

        (string Id, int Year, NewService Item)? Accepted(DeliveryRow row)
        {
            if (row.Service is not { } service) return null;
            var id = service.Key.Id();
            return (id, service.Year, new NewService(id, service, deliveryId, now));
        }
    }

    /// <summary>
    /// Counts a list's rows on the tally and stores what it accepts, client services or opdrachtgevers, each once per
    /// year, a batch at a time. Known from another delivery, or met twice in this file, an item is a duplicate (the
    /// population holds each once); stored by an earlier run of this delivery, it counts and its row (with its
    /// fieldwork state) is not touched. When the reader breaks off, what was read stands, as the receipt tells the
    /// company: the items still waiting are stored before the break is passed on.
    /// </summary>
    /// <param name="acceptedOf">The row's item with its id and year; null for a rejected row.</param>
    /// <param name="shownAs">The klantnummer a receipt shows for the row (null for an opdrachtgever).</param>
    /// <param name="knownIn">The ids a year holds already, with the delivery that brought each.</param>
    private static async Task StoreAcceptedAsync<TRow, TItem>(IEnumerable<TRow> rows, Tally tally, string deliveryId,
        Func<TRow, (string Id, int Year, TItem Item)?> acceptedOf,
        Func<TRow, string?> shownAs,
        Func<int, Task<IReadOnlyDictionary<string, string>>> knownIn,
        Func<int, List<TItem>, Task> insert) where TRow : IValidatedRow
    {
        var known = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        var pending = new Dictionary<int, List<TItem>>();
        var seenInFile = new HashSet<(int, string)>();
        try
        {
            foreach (var row in UntilBreakOff(rows, r => r.Row))
            {
                tally.Rows++;
                tally.Rejected.AddRange(row.Rejections);
                tally.Warnings.AddRange(row.Warnings);
                if (acceptedOf(row) is not { } accepted) continue;
                var (id, year, item) = accepted;

                if (!known.TryGetValue(year, out var knownForYear))
                    known[year] = knownForYear = await knownIn(year);
                var isKnown = knownForYear.TryGetValue(id, out var broughtBy);
                var deliveredBefore = isKnown && broughtBy != deliveryId;
                if (deliveredBefore || !seenInFile.Add((year, id)))
                {
                    // Every row the company sent gets its answer: a "dubbel" says which rows, and why.
                    tally.Duplicates++;
                    tally.Warnings.Add(deliveredBefore
                        ? new DeliveryIssue(row.Row, null, DeliveryCodes.DeliveredBefore, DeliveryMessages.DeliveredBefore, shownAs(row))
                        : new DeliveryIssue(row.Row, null, DeliveryCodes.DuplicateRow, DeliveryMessages.DuplicateRow, shownAs(row)));
                    continue;
                }
                tally.Accepted++;
                if (isKnown) continue;
                if (!pending.TryGetValue(year, out var batch)) pending[year] = batch = new List<TItem>(BatchSize);
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    await insert(year, batch);
                    batch.Clear();
                }
            }
        }
        catch (UnreadableRowsException)
        {
            await InsertPendingAsync();
            throw;
        }
        await InsertPendingAsync();

        async Task InsertPendingAsync()
        {
            // Stryker disable once Equality : an empty batch inserts nothing (the stores return at once), so >= 0 only adds a no-op call
            foreach (var (year, batch) in pending.Where(p => p.Value.Count > 0))
                await insert(year, batch);
        }
    }

    /// <summary>
    /// The rows a reader gives, client rows or opdrachtgevers; when the reader itself throws, an
    /// <see cref="UnreadableRowsException"/> naming the first row it could not give (the header is row 1).
    /// </summary>
    private static IEnumerable<T> UntilBreakOff<T>(IEnumerable<T> source, Func<T, int> rowOf)
    {
        using var rows = source.GetEnumerator();
        var lastRow = 1;
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                throw new UnreadableRowsException(lastRow + 1);
            }
            lastRow = rowOf(rows.Current);
            yield return rows.Current;
        }
    }

    private sealed class UnreadableRowsException(int row) : Exception
    {
        public int Row { get; } = row;
    }

    /// <summary>What a run counted so far; also what a receipt shows when the run is cut short.</summary>
    private sealed class Tally
    {
        public Tally(IReadOnlyList<DeliveryIssue> inspectionWarnings, int maxIssuesPerCode)
        {
            Rejected = new ReceiptIssues(maxIssuesPerCode);
            Warnings = new ReceiptIssues(maxIssuesPerCode);
            Warnings.AddRange(inspectionWarnings);
        }

        public int Rows, Accepted, Duplicates;
        public DeliveryKind Kind { get; init; }
        public ReceiptIssues Rejected { get; }
        public ReceiptIssues Warnings { get; }

        public Receipt Receipt(string company, string fileName, string status, DeliveryIssue? refusal, DateTimeOffset at) => new()
        {
            Company = company, File = fileName, Status = status, Refusal = refusal, Kind = Deliveries.Receipt.KindName(Kind),
            Rows = Rows, Accepted = Accepted, Duplicates = Duplicates,
            Rejected = Rejected.Listed, Warnings = Warnings.Listed, Counts = ReceiptIssues.CountsOf(Rejected, Warnings),
            ProcessedAt = at,
        };
    }

    /// <summary>
    /// Ends deliveries that stayed in processing past <see cref="DeliverySettings.StalledAfter"/> with an
    /// <c>ingest-failed</c> receipt. The trigger's own retries cover a run that fails; this covers a run that died
    /// after the raw file was already deleted (it held a BSN-like value, so it goes at once), which no trigger can
    /// run again. Returns how many it ended.
    /// </summary>
    public async Task<int> FinishStalledAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = 0;
        await foreach (var stalled in store.StalledDeliveriesAsync(now - settings.StalledAfter, cancellationToken))
        {
            if (await store.GetReceiptAsync(stalled.Company, stalled.FileName, cancellationToken) is null)
                await SaveAsync(Refused(stalled.Company, stalled.FileName, DeliveryCodes.IngestFailed,
                    DeliveryMessages.IngestInterrupted), cancellationToken);
            await store.SaveDeliveryAsync(stalled with { Status = DeliveryStatus.Failed, CompletedAt = now }, cancellationToken);
            ended++;
        }
        return ended;
    }

    /// <summary>A parser crash on a strange file becomes a refusal, never a failed trigger that retries forever.</summary>
    private DeliveryInspection SafeInspect(Stream copy, string fileName)
    {
        try
        {
            return parser.Inspect(copy, fileName);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return DeliveryInspection.Refused(DeliveryCodes.UnreadableFile,
                DeliveryMessages.Unreadable);
        }
    }

    /// <summary>An upload cut off at the size limit never became a blob; it still gets its receipt.</summary>
    public Task<Receipt> RefuseTooLargeAsync(string company, string fileName, CancellationToken cancellationToken) =>
        SaveAsync(TooLarge(company, fileName), cancellationToken);

    private Receipt TooLarge(string company, string fileName) =>
        Refused(company, fileName, DeliveryCodes.FileTooLarge, settings.FileTooLargeMessage);

    private Receipt Refused(string company, string fileName, string code, string message) => new()
    {
        Company = company, File = fileName, Status = Receipt.Statuses.Refused,
        Refusal = new DeliveryIssue(null, null, code, message), ProcessedAt = time.GetUtcNow(),
    };

    private async Task<Receipt> SaveAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        await store.SaveReceiptAsync(receipt, cancellationToken);
        // The bureau overview's kept figures of this company are out of date now: its next view counts them afresh.
        if (overviewSnapshots is not null)
            await overviewSnapshots.RemoveAsync(receipt.Company, DutchTime.Today(time).Year, cancellationToken);
        return receipt;
    }
}

/// <summary>States of a delivery in the ledger.</summary>
public static class DeliveryStatus
{
    public const string Processing = "processing";
    public const string Done = "done";
    /// <summary>Ended with a refusal receipt part way (every attempt failed, or the file broke off); a new upload may try again.</summary>
    public const string Failed = "failed";
}
