using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests;

/// <summary>
/// The local host stopped and started again on the same storage (a restart of <c>./kto up</c>): the blob watcher
/// remembers what it handled, as the Functions host does with its blob receipts. Its own Azurite, so no other
/// test's blobs are in the container.
/// </summary>
public sealed class WatcherRestartTests
{
    [Fact]
    public async Task After_a_restart_the_watcher_runs_only_blobs_it_has_not_handled()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        string company;
        var first = await LocalStack.StartOnAsync(azurite);
        try
        {
            (company, _) = await first.NewCompanyAsync("w");
            Assert.Equal("accepted", (await first.DeliverAsync(company, "een.csv", Exports.Csv(Exports.Row("W1")))).GetProperty("status").GetString());
            Assert.Equal(1, first.Faults.Runs(company));
            // The receipt is written when the run has returned, a moment after the delivery's own receipt. A host stopped
            // before that has not finished the run, and runs it again after the restart, as the Functions host would.
            await ReceiptWrittenAsync(azurite, $"{company}/een.csv");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = await LocalStack.StartOnAsync(azurite);
        try
        {
            // A new file proves the new watcher polls; een.csv sorts first in its lane, so it would have run before.
            Assert.Equal("accepted", (await second.DeliverAsync(company, "twee.csv", Exports.Csv(Exports.Row("W2")))).GetProperty("status").GetString());
            await Task.Delay(1000); // a few more polls
            Assert.Equal(1, second.Faults.Runs(company));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private static async Task ReceiptWrittenAsync(AzuriteServer azurite, string blobName)
    {
        var receipts = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, "azure-webjobs-hosts");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await receipts.ExistsAsync())
                await foreach (var blob in receipts.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "blobreceipts/", default))
                    if (blob.Name.EndsWith("/" + blobName, StringComparison.Ordinal)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"no blob receipt for {blobName} within 60 s");
    }
}
