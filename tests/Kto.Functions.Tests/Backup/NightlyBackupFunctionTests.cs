using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kto.Core.Backup;
using Kto.Functions.Backup;
using Kto.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Backup;

/// <summary>
/// The nightly timer through the real function class on Azurite: with a backup account configured (here a container
/// of the same Azurite) it writes one snapshot a night with a manifest that checks out; without one it writes nothing.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class NightlyBackupFunctionTests(LocalStack stack)
{
    [Fact]
    public async Task The_timer_writes_the_nights_snapshot_once_and_it_checks_out_against_its_manifest()
    {
        await stack.NewCompanyAsync("nacht");
        var container = $"snapshots-{Guid.NewGuid():N}"[..30];
        await using var host = await ExtraHost.StartAsync(stack, new Dictionary<string, string?>
        {
            ["Kto:Backup:ConnectionString"] = stack.StorageConnectionString,
            ["Kto:Backup:Container"] = container,
            ["Kto:Backup:AtHourUtc"] = "0",
        });
        var function = ActivatorUtilities.CreateInstance<BackupNightlyFunction>(host.Services);

        await function.BackupNightly(new TimerInfo(), CancellationToken.None);
        await function.BackupNightly(new TimerInfo(), CancellationToken.None);

        var blobs = new BlobServiceClient(stack.StorageConnectionString).GetBlobContainerClient(container);
        var prefixes = new List<string>();
        await foreach (var item in blobs.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, CancellationToken.None))
            if (item.IsPrefix) prefixes.Add(item.Prefix.TrimEnd('/'));
        var name = Assert.Single(prefixes); // the second run found the night's snapshot and wrote none
        Assert.NotNull(SnapshotNames.TimeOf(name));

        var archive = host.Services.GetRequiredService<ISnapshotArchive>();
        var check = await host.Services.GetRequiredService<RestoreService>().CheckAsync(archive.Open(name), CancellationToken.None);
        Assert.True(check.Intact, string.Join("\n", check.Problems));
        Assert.Empty(check.Manifest!.Keys); // in Azure the keys live in Key Vault
        Assert.True(check.Manifest.TableCounts["companies"] >= 1); // at least the company registered above
        Assert.Equal(Kto.Infrastructure.Storage.StorageNames.Tables.Count, check.Manifest.TableCounts.Count);
        var latest = await host.Services.GetRequiredService<NightlyBackupService>().LatestAsync(CancellationToken.None);
        Assert.Equal(name, latest!.Name);
    }

    [Fact]
    public async Task Without_a_backup_account_the_timer_writes_nothing()
    {
        var result = await stack.Services.GetRequiredService<NightlyBackupService>().RunAsync(CancellationToken.None);
        Assert.Equal(NightlyBackupStatus.NotConfigured, result.Status);
        Assert.Null(result.Manifest);
    }
}
