using System.Security.Cryptography;
using System.Text;
using Kto.Core.Deliveries;
using Kto.Core.Population;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The ingest use case on in-memory ports: the ledger by content hash, insert-only services, the attempt count that
/// ends every run in a receipt, raw files that are deleted when refused or when they held a BSN, and corrected keys.
/// </summary>
public sealed class DeliveryIngestServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryDeliveryStore store = new();
    private readonly InMemoryCorrectionStore corrections = new();
    private readonly InMemoryOverviewSnapshots snapshots = new();
    private readonly DeliverySettings settings = new();
    private readonly FakeTimeProvider time = new(Now);

    private DeliveryIngestService Ingest() =>
        new(store, new DeliveryParser(settings), settings, time, corrections, overviewSnapshots: snapshots);

    private static byte[] Csv(params string[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", [DeliveryFiles.Header, .. rows]) + "\r\n");

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Id(string klantnummer, string einddatum = "2025-03-15") =>
        new ServiceKey(klantnummer, Perceel.NaarWerk, DateOnly.Parse(einddatum)).Id();

    private Task<Receipt> IngestAsync(string fileName, InMemoryDeliveryContent content, CancellationToken cancellationToken = default) =>
        Ingest().IngestAsync("acme", fileName, content, cancellationToken);

    private static IEnumerable<string> Klantnummers(int count) => Enumerable.Range(1, count).Select(i => DeliveryFiles.Row(klantnummer: $"K{i:D4}"));

    [Fact]
    public async Task An_accepted_file_stores_its_services_under_its_content_hash_and_the_ledger_ends_done()
    {
        // The content hash is the delivery's identity: every service names it, and the ledger closes the run with its row count.
        var bytes = Csv(DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2"));
        var content = new InMemoryDeliveryContent(bytes);

        var receipt = await IngestAsync("maart.csv", content);

        Assert.Equal((Receipt.Statuses.Accepted, Receipt.Kinds.Clients, 2, 2, 0), (receipt.Status, receipt.Kind, receipt.Rows, receipt.Accepted, receipt.Duplicates));
        Assert.Equal(Now, receipt.ProcessedAt);
        Assert.Same(receipt, store.Receipts[("acme", "maart.csv")]);
        Assert.Equal([Id("K1"), Id("K2")], store.Services.Keys.Where(k => k.Company == "acme" && k.Year == 2025).Select(k => k.Id).Order());
        Assert.All(store.Services.Values, s => Assert.Equal((Hash(bytes), Now), (s.DeliveryId, s.ReceivedAt)));
        Assert.Equal(
            [new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Processing, 0, Now, null, 1),
             new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Done, 2, Now, Now, 1)],
            store.LedgerWrites);
        // Without a BSN-like value the raw file is kept (for its retention period).
        Assert.False(content.Deleted);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_unread_and_deleted_and_one_at_the_limit_is_read()
    {
        // The size limit is checked before the file is copied: a file over it is never read, nothing of it is kept.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        settings.MaxFileBytes = bytes.Length - 1;
        var tooLarge = new InMemoryDeliveryContent(bytes);

        var refused = await IngestAsync("groot.csv", tooLarge);

        Assert.Equal((Receipt.Statuses.Refused, DeliveryCodes.FileTooLarge), (refused.Status, refused.Refusal?.Code));
        Assert.Equal(settings.FileTooLargeMessage, refused.Refusal!.Message);
        Assert.Equal((0, true), (tooLarge.Reads, tooLarge.Deleted));
        Assert.Empty(store.LedgerWrites);

        settings.MaxFileBytes = bytes.Length;
        Assert.Equal(Receipt.Statuses.Accepted, (await IngestAsync("precies.csv", new InMemoryDeliveryContent(bytes))).Status);
    }

    [Fact]
    public async Task The_same_blob_triggered_again_returns_its_receipt_and_stores_nothing_again()
    {
        // A retried trigger for a finished delivery: the receipt stands, no service is written twice.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        var first = await IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes));
        var writes = store.LedgerWrites.Count;

        var again = await IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes));

        Assert.Same(first, again);
        Assert.Single(store.Inserts);
        Assert.Equal(writes, store.LedgerWrites.Count);
    }

    [Fact]
    public async Task A_finished_delivery_whose_receipt_is_gone_is_read_again_and_its_services_count_as_accepted()
    {
        // Without its receipt a finished blob is processed again; the services it stored are accepted, not duplicates, and not rewritten.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        await IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes));
        store.Receipts.Clear();

        var again = await IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes));

        Assert.Equal((Receipt.Statuses.Accepted, 1, 1, 0), (again.Status, again.Rows, again.Accepted, again.Duplicates));
        Assert.Single(store.Inserts);
    }

    [Fact]
    public async Task The_same_content_under_another_name_is_a_duplicate_receipt_and_its_file_is_deleted()
    {
        // One content is one delivery: a copy under a new name is answered as a duplicate of the first, nothing is stored again.
        var bytes = Csv(DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2"));
        await IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes));
        var copy = new InMemoryDeliveryContent(bytes);

        var duplicate = await IngestAsync("maart-kopie.csv", copy);

        Assert.Equal((Receipt.Statuses.Duplicate, 2, 2, 0), (duplicate.Status, duplicate.Rows, duplicate.Duplicates, duplicate.Accepted));
        var warning = Assert.Single(duplicate.Warnings);
        Assert.Equal(DeliveryCodes.DuplicateFile, warning.Code);
        Assert.Contains("'maart.csv'", warning.Message);
        Assert.Equal((Now, "maart-kopie.csv"), (duplicate.ProcessedAt, duplicate.File));
        Assert.Same(duplicate, store.Receipts[("acme", "maart-kopie.csv")]);
        Assert.True(copy.Deleted);
        Assert.Single(store.Inserts);
    }

    [Fact]
    public async Task A_refused_file_is_deleted_and_its_receipt_counts_the_rows_read_without_touching_the_ledger()
    {
        // A BSN column refuses the whole file: nothing of it is stored or kept, the receipt says how many rows there were.
        var bytes = Encoding.UTF8.GetBytes("klantnummer;bsn;perceel;einddatum\r\nK1;123456782;Naar werk;15-03-2025\r\nK2;111222333;Naar werk;15-03-2025\r\n");
        var content = new InMemoryDeliveryContent(bytes);

        var receipt = await IngestAsync("maart.csv", content);

        Assert.Equal((Receipt.Statuses.Refused, DeliveryCodes.BsnColumn, 2), (receipt.Status, receipt.Refusal?.Code, receipt.Rows));
        Assert.Equal(Now, receipt.ProcessedAt);
        Assert.True(content.Deleted);
        Assert.Empty(store.LedgerWrites);
        Assert.Empty(store.Services);
    }

    [Fact]
    public async Task A_file_with_one_BSN_like_value_is_deleted_even_though_its_other_rows_are_accepted()
    {
        // Privacy: a raw file that held anything like a BSN is not kept, also when only its row is rejected.
        var content = new InMemoryDeliveryContent(Csv(DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2"),
            DeliveryFiles.Row("K3").Replace(";Jansen;", ";123456782;")));

        var receipt = await IngestAsync("maart.csv", content);

        Assert.Equal((Receipt.Statuses.Accepted, 3, 2), (receipt.Status, receipt.Rows, receipt.Accepted));
        Assert.Equal(DeliveryCodes.BsnValue, Assert.Single(receipt.Rejected).Code);
        Assert.True(content.Deleted);
    }

    [Fact]
    public async Task Rejections_and_warnings_of_rows_and_of_the_inspection_reach_the_receipt_with_their_counts()
    {
        // The receipt lists what was wrong per code (inspection warnings too), at most MaxIssuesPerCode each, and counts them all.
        settings.MaxIssuesPerCode = 2;
        var header = DeliveryFiles.Header + ";notitie";
        var rows = new[] { DeliveryFiles.Row("K1") + ";x", DeliveryFiles.Row("K2", perceel: "Onbekend") + ";x",
            DeliveryFiles.Row("K3", perceel: "Onbekend") + ";x", DeliveryFiles.Row("K4", perceel: "Onbekend") + ";x",
            DeliveryFiles.Row("K5", email: "geen-adres") + ";x" };
        var content = new InMemoryDeliveryContent(Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. rows]) + "\r\n"));

        var receipt = await IngestAsync("maart.csv", content);

        Assert.Equal((5, 2), (receipt.Rows, receipt.Accepted));
        Assert.Equal([DeliveryCodes.UnknownPerceel, DeliveryCodes.UnknownPerceel], receipt.Rejected.Select(r => r.Code));
        Assert.Equal([3, 4], receipt.Rejected.Select(r => r.Row!.Value));
        Assert.Equal([(DeliveryCodes.IgnoredColumn, "notitie"), (DeliveryCodes.InvalidEmail, "email"), (DeliveryCodes.NoEmail, "email")],
            receipt.Warnings.Select(w => (w.Code, w.Column!)));
        Assert.Equal(new Dictionary<string, int>
            { [DeliveryCodes.IgnoredColumn] = 1, [DeliveryCodes.InvalidEmail] = 1, [DeliveryCodes.NoEmail] = 1, [DeliveryCodes.UnknownPerceel] = 3 },
            receipt.Counts);
    }

    [Fact]
    public async Task A_service_delivered_before_or_twice_in_one_file_is_a_duplicate_and_stored_once()
    {
        // The population holds each service once: known from another delivery, or repeated in this file (any case of klantnummer).
        await IngestAsync("maart.csv", new InMemoryDeliveryContent(Csv(DeliveryFiles.Row("K1"))));

        var receipt = await IngestAsync("april.csv", new InMemoryDeliveryContent(Csv(
            DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2"), DeliveryFiles.Row("k2"), DeliveryFiles.Row("K2", einddatum: "16-03-2025"))));

        Assert.Equal((4, 2, 2), (receipt.Rows, receipt.Accepted, receipt.Duplicates));
        Assert.Equal(3, store.Services.Count);
        Assert.Equal(Hash(Csv(DeliveryFiles.Row("K1"))), store.Services[("acme", 2025, Id("K1"))].DeliveryId);
        // Every "dubbel" row is named, with why: delivered before (row 2, K1) or earlier in this file (row 4, k2).
        Assert.Equal([(2, "K1", DeliveryCodes.DeliveredBefore, DeliveryMessages.DeliveredBefore), (4, "k2", DeliveryCodes.DuplicateRow, DeliveryMessages.DuplicateRow)],
            receipt.Warnings.Where(w => w.Code is DeliveryCodes.DeliveredBefore or DeliveryCodes.DuplicateRow).Select(w => (w.Row!.Value, w.Klantnummer, w.Code, w.Message)));
        Assert.Equal((1, 1), (receipt.Counts[DeliveryCodes.DeliveredBefore], receipt.Counts[DeliveryCodes.DuplicateRow]));
    }

    [Fact]
    public async Task Services_are_inserted_in_batches_of_at_most_one_hundred_per_year()
    {
        // Table storage takes 100 entities per transaction, and one partition (year) per batch.
        var rows = Klantnummers(230).Append(DeliveryFiles.Row("V1", einddatum: "15-12-2024")).ToArray();

        var receipt = await IngestAsync("maart.csv", new InMemoryDeliveryContent(Csv(rows)));

        Assert.Equal(231, receipt.Accepted);
        Assert.Equal([(2025, 100), (2025, 100), (2025, 30), (2024, 1)], store.Inserts);
        Assert.Equal(231, store.Services.Count);
    }

    [Fact]
    public async Task A_run_that_failed_part_way_is_retried_as_the_next_attempt_and_stores_only_what_is_missing()
    {
        // Insert-only retry: services the failed run stored count as accepted and keep their row; the ledger counts the attempt.
        var bytes = Csv(Klantnummers(150).ToArray());
        store.BeforeInsert = n => n >= 2 ? throw new IOException("storage down") : Task.CompletedTask;
        await Assert.ThrowsAsync<IOException>(() => IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes)));
        Assert.Equal((DeliveryStatus.Processing, 1), (store.Deliveries[("acme", Hash(bytes))].Status, store.Deliveries[("acme", Hash(bytes))].Attempts));
        Assert.Empty(store.Receipts);

        store.BeforeInsert = null;
        time.Advance(TimeSpan.FromMinutes(1));
        var receipt = await IngestAsync("maart.csv", new InMemoryDeliveryContent(bytes));

        Assert.Equal((Receipt.Statuses.Accepted, 150, 150, 0), (receipt.Status, receipt.Rows, receipt.Accepted, receipt.Duplicates));
        Assert.Equal([(2025, 100), (2025, 50)], store.Inserts);
        Assert.Equal(new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Done, 150, Now, Now.AddMinutes(1), 2),
            store.Deliveries[("acme", Hash(bytes))]);
    }

    [Fact]
    public async Task The_last_attempt_that_fails_on_storage_ends_in_an_ingest_failed_receipt_and_deletes_the_file()
    {
        // Every run ends in a receipt: the fifth failing run answers the company instead of failing silently.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        store.Deliveries[("acme", Hash(bytes))] = new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Processing, 0, Now.AddMinutes(-9), null,
            DeliveryIngestService.MaxAttempts - 1);
        store.BeforeInsert = _ => throw new IOException("storage down");
        var content = new InMemoryDeliveryContent(bytes);

        var receipt = await IngestAsync("maart.csv", content);

        Assert.Equal((Receipt.Statuses.Refused, DeliveryCodes.IngestFailed), (receipt.Status, receipt.Refusal?.Code));
        Assert.Contains("5 keer", receipt.Refusal!.Message);
        // The run may have been an opdrachtgever list: the message promises no double count to both kinds of row.
        Assert.Contains("wie al verwerkt is (klant of opdrachtgever)", receipt.Refusal.Message);
        Assert.Same(receipt, store.Receipts[("acme", "maart.csv")]);
        Assert.Equal(new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Failed, 0, Now.AddMinutes(-9), Now, 5),
            store.Deliveries[("acme", Hash(bytes))]);
        Assert.True(content.Deleted);
    }

    [Fact]
    public async Task A_run_before_the_last_attempt_that_fails_on_storage_leaves_the_failure_to_the_trigger_retry()
    {
        // Before the last attempt a storage fault is thrown, so the trigger retries; no receipt yet, the raw file stays.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        store.Deliveries[("acme", Hash(bytes))] = new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Processing, 0, Now, null,
            DeliveryIngestService.MaxAttempts - 2);
        store.BeforeInsert = _ => throw new IOException("storage down");
        var content = new InMemoryDeliveryContent(bytes);

        await Assert.ThrowsAsync<IOException>(() => IngestAsync("maart.csv", content));

        Assert.Empty(store.Receipts);
        Assert.False(content.Deleted);
        Assert.Equal(4, store.Deliveries[("acme", Hash(bytes))].Attempts);
    }

    [Fact]
    public async Task A_cancelled_last_attempt_is_not_turned_into_a_receipt()
    {
        // A host shutting down is no storage failure: the run is cancelled and the blob is tried again later.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        store.Deliveries[("acme", Hash(bytes))] = new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Processing, 0, Now, null,
            DeliveryIngestService.MaxAttempts - 1);
        using var shutdown = new CancellationTokenSource();
        store.BeforeInsert = _ =>
        {
            shutdown.Cancel();
            throw new OperationCanceledException(shutdown.Token);
        };
        var content = new InMemoryDeliveryContent(bytes);

        await Assert.ThrowsAsync<OperationCanceledException>(() => IngestAsync("maart.csv", content, shutdown.Token));

        Assert.Empty(store.Receipts);
        Assert.False(content.Deleted);
    }

    [Fact]
    public async Task A_blob_whose_runs_all_died_gives_up_without_starting_a_sixth_time()
    {
        // Runs that died without a word (a killed process) still end: after MaxAttempts the next run writes the receipt and stores nothing.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        var started = Now.AddMinutes(-30);
        store.Deliveries[("acme", Hash(bytes))] = new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Processing, 0, started, null,
            DeliveryIngestService.MaxAttempts);
        var content = new InMemoryDeliveryContent(bytes);

        var receipt = await IngestAsync("maart.csv", content);

        Assert.Equal(DeliveryCodes.IngestFailed, receipt.Refusal?.Code);
        Assert.Contains("5 keer", receipt.Refusal!.Message);
        // The run may have been an opdrachtgever list: the message promises no double count to both kinds of row.
        Assert.Contains("wie al verwerkt is (klant of opdrachtgever)", receipt.Refusal.Message);
        Assert.Equal(new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Failed, 0, started, Now, 5), Assert.Single(store.LedgerWrites));
        Assert.Empty(store.Inserts);
        Assert.True(content.Deleted);
    }

    [Fact]
    public async Task A_stalled_delivery_under_another_name_starts_afresh_at_the_first_attempt()
    {
        // Attempts count the runs of one blob: the same content uploaded under a new name gets its own five runs.
        var bytes = Csv(DeliveryFiles.Row("K1"));
        var started = Now.AddMinutes(-30);
        store.Deliveries[("acme", Hash(bytes))] = new DeliveryRecord("acme", Hash(bytes), "maart.csv", DeliveryStatus.Processing, 0, started, null,
            DeliveryIngestService.MaxAttempts);

        var receipt = await IngestAsync("maart-opnieuw.csv", new InMemoryDeliveryContent(bytes));

        Assert.Equal(Receipt.Statuses.Accepted, receipt.Status);
        Assert.Equal(new DeliveryRecord("acme", Hash(bytes), "maart-opnieuw.csv", DeliveryStatus.Processing, 0, started, null, 1), store.LedgerWrites[0]);
    }

    [Fact]
    public async Task A_row_with_the_corrected_values_of_a_service_is_a_duplicate_of_that_service()
    {
        // A service the bureau corrected is known under its corrected key: delivering the corrected row adds no second client.
        var original = Id("K1", "2025-03-15");
        var corrected = Id("K1", "2025-03-20");
        await corrections.TryAddAsync(new ServiceCorrection(new ServiceRef("acme", 2025, original), 1, CorrectionKind.Einddatum, CorrectionReason.DeliveryError,
            null, Perceel.NaarWerk, new DateOnly(2025, 3, 15), null, new DateOnly(2025, 3, 20), corrected, "bureau-key", Now), default);
        // A withdrawal gives no corrected id: it adds no key.
        await corrections.TryAddAsync(new ServiceCorrection(new ServiceRef("acme", 2025, Id("K2")), 1, CorrectionKind.Withdrawn, CorrectionReason.DeliveryError,
            null, Perceel.NaarWerk, new DateOnly(2025, 3, 15), null, null, null, "bureau-key", Now), default);

        var receipt = await IngestAsync("april.csv", new InMemoryDeliveryContent(Csv(
            DeliveryFiles.Row("K1", einddatum: "20-03-2025"), DeliveryFiles.Row("K3"))));

        Assert.Equal((2, 1, 1), (receipt.Rows, receipt.Accepted, receipt.Duplicates));
        Assert.Equal([Id("K3")], store.Services.Keys.Select(k => k.Id));
    }

    [Fact]
    public async Task Every_receipt_drops_the_companys_overview_figures_of_the_dutch_year()
    {
        // The bureau overview must count a new delivery: its kept figures of that company and (Dutch) year go.
        time.SetUtcNow(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero)); // already 1 January 2026 in the Netherlands

        await Ingest().RefuseTooLargeAsync("acme", "groot.csv", default);

        Assert.Equal([("acme", 2026)], snapshots.Removed);
    }

    [Fact]
    public async Task Deliveries_stalled_past_the_limit_end_with_an_ingest_failed_receipt_unless_they_have_one()
    {
        // A run that died after its BSN file was deleted cannot be retried: the sweep writes its receipt and closes the ledger.
        settings.StalledAfter = TimeSpan.FromHours(1);
        var old = Now.AddHours(-2);
        store.Deliveries[("acme", "h1")] = new DeliveryRecord("acme", "h1", "maart.csv", DeliveryStatus.Processing, 0, old, null, 2);
        store.Deliveries[("beta", "h2")] = new DeliveryRecord("beta", "h2", "april.csv", DeliveryStatus.Processing, 0, old, null, 1);
        var kept = new Receipt { Company = "beta", File = "april.csv", Status = Receipt.Statuses.Accepted, Rows = 7 };
        store.Receipts[("beta", "april.csv")] = kept;

        var ended = await Ingest().FinishStalledAsync(Now, default);

        Assert.Equal(2, ended);
        Assert.Equal(Now.AddHours(-1), store.AskedStalledBefore);
        var written = store.Receipts[("acme", "maart.csv")];
        Assert.Equal((Receipt.Statuses.Refused, DeliveryCodes.IngestFailed, Now), (written.Status, written.Refusal?.Code, written.ProcessedAt));
        Assert.Contains("wie al verwerkt is (klant of opdrachtgever)", written.Refusal!.Message);
        Assert.Same(kept, store.Receipts[("beta", "april.csv")]);
        Assert.Equal(new DeliveryRecord("acme", "h1", "maart.csv", DeliveryStatus.Failed, 0, old, Now, 2), store.Deliveries[("acme", "h1")]);
        Assert.Equal((DeliveryStatus.Failed, Now), (store.Deliveries[("beta", "h2")].Status, store.Deliveries[("beta", "h2")].CompletedAt));
    }

    private static byte[] OpdrachtgeverList(IEnumerable<string> rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", ["organisatie;contactpersoon;email;jaar", .. rows]) + "\r\n");

    [Fact]
    public async Task An_opdrachtgever_list_is_stored_per_year_in_batches_and_the_same_organisation_in_another_year_is_another_opdrachtgever()
    {
        // One organisation is one opdrachtgever per measurement year; inserts go in batches of at most 100 per year.
        var opdrachtgevers = new InMemoryOpdrachtgeverStore();
        var ingest = new DeliveryIngestService(store, new DeliveryParser(settings), settings, time, opdrachtgevers: opdrachtgevers);
        var bytes = OpdrachtgeverList(Enumerable.Range(1, 150).Select(i => $"Organisatie {i};Anna;anna{i}@o.test;2025")
            .Append("Organisatie 1;Piet;piet@o.test;2024").Append("organisatie 2;Kees;kees@o.test;2025"));

        var receipt = await ingest.IngestAsync("acme", "opdrachtgevers.csv", new InMemoryDeliveryContent(bytes), default);

        Assert.Equal((Receipt.Statuses.Accepted, Receipt.Kinds.Opdrachtgevers, 152, 151, 1),
            (receipt.Status, receipt.Kind, receipt.Rows, receipt.Accepted, receipt.Duplicates));
        Assert.Equal(3, opdrachtgevers.Inserts); // 100 and 50 of 2025, 1 of 2024
        Assert.Equal((150, 1), (opdrachtgevers.Stored.Keys.Count(k => k.Year == 2025), opdrachtgevers.Stored.Keys.Count(k => k.Year == 2024)));
        Assert.All(opdrachtgevers.Stored.Values, o => Assert.Equal((Hash(bytes), Now), (o.DeliveryId, o.ReceivedAt)));
        Assert.Empty(store.Inserts);
    }

    [Fact]
    public async Task A_retried_opdrachtgever_list_counts_what_its_earlier_run_stored_as_accepted_and_leaves_it_as_it_was()
    {
        // Insert-only for opdrachtgevers too: a rerun of the same list accepts its own earlier rows without inserting them again.
        var opdrachtgevers = new InMemoryOpdrachtgeverStore();
        var ingest = new DeliveryIngestService(store, new DeliveryParser(settings), settings, time, opdrachtgevers: opdrachtgevers);
        var bytes = OpdrachtgeverList(["UWV;Anna;anna@uwv.test;2025", "Gemeente Zeist;Piet;piet@zeist.test;2025"]);
        await ingest.IngestAsync("acme", "opdrachtgevers.csv", new InMemoryDeliveryContent(bytes), default);
        store.Receipts.Clear();

        var again = await ingest.IngestAsync("acme", "opdrachtgevers.csv", new InMemoryDeliveryContent(bytes), default);

        Assert.Equal((2, 2, 0), (again.Rows, again.Accepted, again.Duplicates));
        Assert.Equal(1, opdrachtgevers.Inserts);
    }
}
