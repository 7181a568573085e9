using System.Security.Cryptography;
using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// Turns one delivered file into ended services and a receipt. Safe to run twice for the same file (a retried
/// trigger): the content hash identifies the delivery, and services it already wrote count as accepted again.
/// </summary>
public sealed class DeliveryIngestService(
    IDeliveryStore store,
    DeliveryParser parser,
    DeliverySettings settings,
    TimeProvider time)
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
        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose);
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
                        $"Dit bestand is al eerder aangeleverd als '{earlier.FileName}'. Er is niets opnieuw verwerkt.")],
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
                Refusal = inspection.Refusal, ProcessedAt = time.GetUtcNow(),
            }, cancellationToken);
        }

        // A raw file that held anything like a BSN is not kept, also when only a row is rejected or a column ignored:
        // the services are read from the local copy.
        if (inspection.ContainsBsn) await content.DeleteAsync(cancellationToken);

        var started = earlier?.StartedAt ?? time.GetUtcNow();
        await store.SaveDeliveryAsync(new DeliveryRecord(company, contentHash, fileName, DeliveryStatus.Processing, 0, started, null), cancellationToken);

        copy.Position = 0;
        var receipt = await StoreRowsAsync(company, fileName, contentHash, copy, inspection, cancellationToken);

        await SaveAsync(receipt, cancellationToken);
        await store.SaveDeliveryAsync(new DeliveryRecord(company, contentHash, fileName, DeliveryStatus.Done, receipt.Rows, started, time.GetUtcNow()), cancellationToken);
        return receipt;
    }

    private async Task<Receipt> StoreRowsAsync(string company, string fileName, string deliveryId, Stream copy,
        DeliveryInspection inspection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DutchTime.Today(time);
        var known = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        var pending = new Dictionary<int, List<NewService>>();
        var seenInFile = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new ReceiptIssues(settings.MaxIssuesPerCode);
        var warnings = new ReceiptIssues(settings.MaxIssuesPerCode);
        warnings.AddRange(inspection.Warnings);
        int rows = 0, accepted = 0, duplicates = 0;

        foreach (var row in parser.ReadRows(copy, fileName, inspection, today))
        {
            rows++;
            rejected.AddRange(row.Rejections);
            warnings.AddRange(row.Warnings);
            if (row.Service is null) continue;

            var id = row.Service.Key.Id();
            var year = row.Service.Year;
            if (!known.TryGetValue(year, out var knownForYear))
                known[year] = knownForYear = await store.KnownServicesAsync(company, year, cancellationToken);

            // Known from another delivery, or twice in this file: the population holds each service once.
            var fromOtherDelivery = knownForYear.TryGetValue(id, out var broughtBy) && broughtBy != deliveryId;
            if (fromOtherDelivery || !seenInFile.Add(id))
            {
                duplicates++;
                continue;
            }

            accepted++;
            if (!pending.TryGetValue(year, out var batch)) pending[year] = batch = new List<NewService>(BatchSize);
            batch.Add(new NewService(id, row.Service, deliveryId, now));
            if (batch.Count == BatchSize)
            {
                await store.SaveServicesAsync(company, year, batch, cancellationToken);
                batch.Clear();
            }
        }

        foreach (var (year, batch) in pending.Where(p => p.Value.Count > 0))
            await store.SaveServicesAsync(company, year, batch, cancellationToken);

        return new Receipt
        {
            Company = company, File = fileName,
            Status = rows == 0 ? Receipt.Statuses.Refused : Receipt.Statuses.Accepted,
            Refusal = rows == 0 ? new DeliveryIssue(null, null, DeliveryCodes.EmptyFile, "Het bestand bevat geen klantregels.") : null,
            Rows = rows, Accepted = accepted, Duplicates = duplicates,
            Rejected = rejected.Listed, Warnings = warnings.Listed, Counts = ReceiptIssues.CountsOf(rejected, warnings),
            ProcessedAt = time.GetUtcNow(),
        };
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
                "Het bestand kan niet worden gelezen. Lever een .csv- of .xlsx-bestand aan zoals beschreven.");
        }
    }

    /// <summary>An upload cut off at the size limit never became a blob; it still gets its receipt.</summary>
    public Task<Receipt> RefuseTooLargeAsync(string company, string fileName, CancellationToken cancellationToken) =>
        SaveAsync(TooLarge(company, fileName), cancellationToken);

    private Receipt TooLarge(string company, string fileName) => Refused(company, fileName, DeliveryCodes.FileTooLarge,
        $"Het bestand is groter dan {settings.MaxFileBytes / (1024 * 1024)} MB. Lever het in delen aan.");

    private Receipt Refused(string company, string fileName, string code, string message) => new()
    {
        Company = company, File = fileName, Status = Receipt.Statuses.Refused,
        Refusal = new DeliveryIssue(null, null, code, message), ProcessedAt = time.GetUtcNow(),
    };

    private async Task<Receipt> SaveAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        await store.SaveReceiptAsync(receipt, cancellationToken);
        return receipt;
    }
}

/// <summary>States of a delivery in the ledger.</summary>
public static class DeliveryStatus
{
    public const string Processing = "processing";
    public const string Done = "done";
}
