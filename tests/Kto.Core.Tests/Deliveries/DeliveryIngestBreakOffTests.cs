using System.Security.Cryptography;
using System.Text;
using Kto.Core.Deliveries;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// A file whose second pass does not read what the census read (rare: a damaged disk or a reader fault): the reader
/// breaks off part way, or finds no rows. Acted out by changing the local copy once the file was inspected; a break
/// is a row longer than the row limit the inspection fixed, which the reader refuses with an exception.
/// </summary>
public sealed class DeliveryIngestBreakOffTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryDeliveryStore store = new();
    private readonly DeliverySettings settings = new() { MaxRowBytes = 4096 };
    private readonly FakeTimeProvider time = new(Now);

    private static byte[] Csv(params string[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", [DeliveryFiles.Header, .. rows]) + "\r\n");

    private static string Id(string klantnummer) => new ServiceKey(klantnummer, Perceel.NaarWerk, new DateOnly(2025, 3, 15)).Id();

    /// <summary>
    /// A row the reader refuses: longer than <see cref="DeliverySettings.MaxRowBytes"/> and than the reader's buffer
    /// (64 KiB), so it needs more input while the row is over the limit.
    /// </summary>
    private static string Overlong(string klantnummer) => DeliveryFiles.Row(klantnummer).Replace(";Jansen;", $";{new string('x', 200_000)};");

    /// <summary>Ingests <paramref name="delivered"/>; its second pass reads <paramref name="secondPass"/> instead.</summary>
    private async Task<(Receipt Receipt, ChangingDeliveryContent Content, string Hash)> IngestBreakingOffAsync(byte[] delivered, byte[] secondPass,
        InMemoryOpdrachtgeverStore? opdrachtgevers = null)
    {
        var content = new ChangingDeliveryContent(delivered);
        store.AfterSaveDelivery = record =>
        {
            if (record.Status == DeliveryStatus.Processing) content.ChangeCopyTo(secondPass);
        };
        var ingest = new DeliveryIngestService(store, new DeliveryParser(settings), settings, time, opdrachtgevers: opdrachtgevers);
        var receipt = await ingest.IngestAsync("acme", "maart.csv", content, default);
        return (receipt, content, Convert.ToHexStringLower(SHA256.HashData(delivered)));
    }

    [Fact]
    public async Task A_reader_that_breaks_off_refuses_the_rest_names_the_row_and_keeps_what_was_read()
    {
        // Rows 2–5 were read (one rejected, one a duplicate), row 6 breaks off: the receipt names row 6 and the 2
        // clients accepted before it, and those two are stored, as the message promises the company.
        var delivered = Csv(DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2"), DeliveryFiles.Row("K1"), DeliveryFiles.Row("K3"), DeliveryFiles.Row("K4"));
        var secondPass = Csv(DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2", perceel: "Onbekend"), DeliveryFiles.Row("K1"), DeliveryFiles.Row("K3"),
            Overlong("K4"), DeliveryFiles.Row("K5"));

        var (receipt, content, hash) = await IngestBreakingOffAsync(delivered, secondPass);

        Assert.Equal((Receipt.Statuses.Refused, Receipt.Kinds.Clients, 4, 2, 1), (receipt.Status, receipt.Kind, receipt.Rows, receipt.Accepted, receipt.Duplicates));
        Assert.Equal(new DeliveryIssue(6, null, DeliveryCodes.UnreadableFile, WrittenMessages.Format(DeliveryMessages.UnreadableFrom, 6, 2)), receipt.Refusal);
        Assert.StartsWith("Het bestand kan vanaf rij 6 niet worden gelezen", receipt.Refusal!.Message);
        Assert.Contains("De 2 klanten ervóór zijn verwerkt", receipt.Refusal.Message);
        Assert.Equal((DeliveryCodes.UnknownPerceel, 3), (Assert.Single(receipt.Rejected).Code, receipt.Rejected[0].Row!.Value));
        Assert.Equal(Now, receipt.ProcessedAt);
        Assert.Same(receipt, store.Receipts[("acme", "maart.csv")]);
        Assert.Equal(new[] { Id("K1"), Id("K3") }.Order(), store.Services.Keys.Select(k => k.Id).Order());
        Assert.All(store.Services.Values, s => Assert.Equal(hash, s.DeliveryId));
        // A retry would break off at the same row: the ledger ends the run as failed, and the raw file goes.
        Assert.Equal(
            [new DeliveryRecord("acme", hash, "maart.csv", DeliveryStatus.Processing, 0, Now, null, 1),
             new DeliveryRecord("acme", hash, "maart.csv", DeliveryStatus.Failed, 4, Now, Now, 1)],
            store.LedgerWrites);
        Assert.True(content.Deleted);
    }

    [Fact]
    public async Task A_reader_that_breaks_off_at_the_first_row_after_the_header_names_that_row_and_stores_nothing()
    {
        // The header is row 1, so nothing read means the file is unreadable from row 2 on, with no client processed.
        var delivered = Csv(DeliveryFiles.Row("K1"), DeliveryFiles.Row("K2"));
        var secondPass = Csv(Overlong("K1"), DeliveryFiles.Row("K2"));

        var (receipt, content, hash) = await IngestBreakingOffAsync(delivered, secondPass);

        Assert.Equal((Receipt.Statuses.Refused, 0, 0), (receipt.Status, receipt.Rows, receipt.Accepted));
        Assert.Equal(new DeliveryIssue(2, null, DeliveryCodes.UnreadableFile, WrittenMessages.Format(DeliveryMessages.UnreadableFrom, 2, 0)), receipt.Refusal);
        Assert.Empty(store.Services);
        Assert.Equal(new DeliveryRecord("acme", hash, "maart.csv", DeliveryStatus.Failed, 0, Now, Now, 1), store.LedgerWrites[^1]);
        Assert.True(content.Deleted);
    }

    [Fact]
    public async Task An_opdrachtgever_list_whose_reader_breaks_off_is_refused_at_once_naming_the_row_and_keeps_what_was_read()
    {
        // As for client rows: no storage retries (the same row would break again), the opdrachtgevers read before the
        // break stored, and the message counts opdrachtgevers, not clients.
        const string header = "organisatie;contactpersoon;email;telefoon;aantal trajecten";
        byte[] List(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. rows]) + "\r\n");
        var opdrachtgevers = new InMemoryOpdrachtgeverStore();
        var delivered = List("UWV Utrecht;Anna;anna@uwv.test;;12", "Gemeente Zeist;Piet;piet@zeist.test;;3", "Werkgever BV;Kees;kees@bv.test;;1");
        var secondPass = List("UWV Utrecht;Anna;anna@uwv.test;;12", "Gemeente Zeist;Piet;piet@zeist.test;;3",
            $"Werkgever BV;{new string('x', 200_000)};kees@bv.test;;1");

        var (receipt, content, hash) = await IngestBreakingOffAsync(delivered, secondPass, opdrachtgevers);

        Assert.Equal((Receipt.Statuses.Refused, Receipt.Kinds.Opdrachtgevers, 2, 2), (receipt.Status, receipt.Kind, receipt.Rows, receipt.Accepted));
        Assert.Equal(new DeliveryIssue(4, null, DeliveryCodes.UnreadableFile, WrittenMessages.Format(DeliveryMessages.OpdrachtgeversUnreadableFrom, 4, 2)), receipt.Refusal);
        Assert.Contains("De 2 opdrachtgevers ervóór zijn verwerkt", receipt.Refusal!.Message);
        Assert.Equal(2, opdrachtgevers.Stored.Count);
        Assert.Equal(new DeliveryRecord("acme", hash, "maart.csv", DeliveryStatus.Failed, 2, Now, Now, 1), store.LedgerWrites[^1]);
        Assert.True(content.Deleted);
    }

    [Fact]
    public async Task A_second_pass_that_finds_no_rows_is_refused_as_holding_no_clients_not_accepted_empty_and_its_file_goes()
    {
        // The census counted rows, but the rows read are what counts: with none, the company is told the file has no
        // client rows instead of getting an accepted receipt for nothing.
        var (receipt, content, hash) = await IngestBreakingOffAsync(Csv(DeliveryFiles.Row("K1")), Csv());

        Assert.Equal((Receipt.Statuses.Refused, 0, 0), (receipt.Status, receipt.Rows, receipt.Accepted));
        Assert.Equal(new DeliveryIssue(null, null, DeliveryCodes.EmptyFile, DeliveryMessages.NoClientRows), receipt.Refusal);
        Assert.Empty(store.Services);
        Assert.Equal(new DeliveryRecord("acme", hash, "maart.csv", DeliveryStatus.Done, 0, Now, Now, 1), store.LedgerWrites[^1]);
        Assert.True(content.Deleted); // refused, so its raw file goes as any refused file's does
    }
}
