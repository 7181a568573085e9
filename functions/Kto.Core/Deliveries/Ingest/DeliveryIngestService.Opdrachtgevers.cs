using Kto.Core.Keurmerk;

namespace Kto.Core.Deliveries;

/// <summary>The opdrachtgever list's part of the ingest: the same ledger, receipt and insert-only rules as client rows.</summary>
public sealed partial class DeliveryIngestService
{
    private Task StoreOpdrachtgeversAsync(string company, string deliveryId, Stream copy,
        DeliveryInspection inspection, Tally tally, CancellationToken cancellationToken)
    {
        var list = opdrachtgevers ?? throw new InvalidOperationException("No opdrachtgever store is configured.");
        var now = time.GetUtcNow();
        var today = DutchTime.Today(time);
        return StoreAcceptedAsync(parser.ReadOpdrachtgevers(copy, inspection, today.Year, today), tally, deliveryId, Accepted,
            _ => null,
            year => list.KnownAsync(company, year, cancellationToken),
            (year, batch) => list.InsertAsync(company, year, batch, cancellationToken));

        // The same organisation in the same year is one opdrachtgever: from another list, or twice in this one.
        (string Id, int Year, NewOpdrachtgever Item)? Accepted(OpdrachtgeverRow row) =>
            row.Opdrachtgever is { } opdrachtgever ? (opdrachtgever.Id, opdrachtgever.Year, new NewOpdrachtgever(opdrachtgever, deliveryId, now)) : null;
    }
}
