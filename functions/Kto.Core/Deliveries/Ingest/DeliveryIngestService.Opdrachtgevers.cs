using Kto.Core.Keurmerk;

namespace Kto.Core.Deliveries;

/// <summary>The opdrachtgever list's part of the ingest: the same ledger, receipt and insert-only rules as client rows.</summary>
public sealed partial class DeliveryIngestService
{
    private async Task StoreOpdrachtgeversAsync(string company, string deliveryId, Stream copy,
        DeliveryInspection inspection, Tally tally, CancellationToken cancellationToken)
    {
        var store = opdrachtgevers ?? throw new InvalidOperationException("No opdrachtgever store is configured.");
        var now = time.GetUtcNow();
        var today = DutchTime.Today(time);
        var known = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        var pending = new Dictionary<int, List<NewOpdrachtgever>>();
        var seenInFile = new HashSet<(int, string)>();

        try
        {
            foreach (var row in UntilBreakOff(parser.ReadOpdrachtgevers(copy, inspection, today.Year, today), r => r.Row))
            {
                tally.Rows++;
                tally.Rejected.AddRange(row.Rejections);
                tally.Warnings.AddRange(row.Warnings);
                if (row.Opdrachtgever is not { } opdrachtgever) continue;

                var id = opdrachtgever.Id;
                var year = opdrachtgever.Year;
                if (!known.TryGetValue(year, out var knownForYear))
                    known[year] = knownForYear = await store.KnownAsync(company, year, cancellationToken);

                // The same organisation in the same year is one opdrachtgever: from another list, or twice in this one.
                var isKnown = knownForYear.TryGetValue(id, out var broughtBy);
                if ((isKnown && broughtBy != deliveryId) || !seenInFile.Add((year, id)))
                {
                    tally.Duplicates++;
                    continue;
                }
                tally.Accepted++;
                if (isKnown) continue;
                if (!pending.TryGetValue(year, out var batch)) pending[year] = batch = new List<NewOpdrachtgever>(BatchSize);
                batch.Add(new NewOpdrachtgever(opdrachtgever, deliveryId, now));
                if (batch.Count == BatchSize)
                {
                    await store.InsertAsync(company, year, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }
        catch (UnreadableRowsException)
        {
            // As for client rows: what was read stands (the receipt says so), so the pending opdrachtgevers are stored
            // before the rest of the list is refused.
            await InsertPendingAsync();
            throw;
        }
        await InsertPendingAsync();

        async Task InsertPendingAsync()
        {
            // Stryker disable once Equality : an empty batch inserts nothing (the stores return at once), so >= 0 only adds a no-op call
            foreach (var (year, batch) in pending.Where(p => p.Value.Count > 0))
                await store.InsertAsync(company, year, batch, cancellationToken);
        }
    }
}
