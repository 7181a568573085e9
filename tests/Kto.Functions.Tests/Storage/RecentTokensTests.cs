using Azure.Data.Tables;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Functions.Tests.Storage;

/// <summary>
/// The token rows a process keeps after reading them (issue 22: a link opened again reads only its service row):
/// how long, how many, and that the token store really answers from them and never from a row it did not find.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class RecentTokensTests(LocalStack stack)
{
    private static readonly ServiceRef Service = new("acme", 2026, "svc-1");

    [Fact]
    public void A_remembered_token_is_found_until_its_lifetime_is_over_and_not_after()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var recent = new RecentTokens(time);
        recent.Remember("ab12", Service, TokenPurpose.OptOut);

        time.Advance(RecentTokens.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(recent.TryGet("ab12", out var service, out var purpose));
        Assert.Equal(Service, service);
        Assert.Equal(TokenPurpose.OptOut, purpose);
        Assert.False(recent.TryGet("ab13", out _, out _));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(recent.TryGet("ab12", out _, out _));
    }

    [Fact]
    public void A_forgotten_token_is_gone_at_once()
    {
        var recent = new RecentTokens(new FakeTimeProvider());
        recent.Remember("ab12", Service, TokenPurpose.Survey);
        recent.Forget("ab12");
        Assert.False(recent.TryGet("ab12", out _, out _));
    }

    [Fact]
    public void When_full_the_expired_entries_make_room_and_the_live_ones_stay()
    {
        var time = new FakeTimeProvider();
        var recent = new RecentTokens(time);
        for (var i = 0; i < RecentTokens.Capacity - 1; i++) recent.Remember($"old{i}", Service, TokenPurpose.Survey);
        time.Advance(RecentTokens.Lifetime / 2);
        recent.Remember("live", Service, TokenPurpose.Survey);
        time.Advance(RecentTokens.Lifetime / 2); // every "old" entry has expired now, "live" has not

        recent.Remember("new", Service, TokenPurpose.Survey);

        Assert.Equal(2, recent.Count);
        Assert.True(recent.TryGet("live", out _, out _));
        Assert.True(recent.TryGet("new", out _, out _));
    }

    [Fact]
    public void When_full_of_live_entries_it_starts_afresh_and_never_grows_past_its_capacity()
    {
        var recent = new RecentTokens(new FakeTimeProvider());
        for (var i = 0; i < RecentTokens.Capacity; i++) recent.Remember($"t{i}", Service, TokenPurpose.Survey);
        Assert.Equal(RecentTokens.Capacity, recent.Count);

        recent.Remember("one-more", Service, TokenPurpose.Survey);

        Assert.Equal(1, recent.Count);
        Assert.True(recent.TryGet("one-more", out _, out _));
    }

    [Fact]
    public async Task The_store_answers_a_link_it_found_before_from_memory_with_its_purpose_and_reads_a_miss_again()
    {
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        var table = tables.GetTableClient(StorageNames.TokensTable);
        ISurveyTokenStore store = new TableSurveyTokenStore(tables, new RecentTokens(TimeProvider.System));
        var service = new ServiceRef($"rt{Guid.NewGuid():N}"[..12], 2026, "svc-9");
        var (_, hash) = SurveyToken.New();
        var (_, unknownHash) = SurveyToken.New();

        Assert.Null(await store.FindAsync(unknownHash, CancellationToken.None));
        await store.SaveAsync(hash, service, CancellationToken.None);
        Assert.Equal(service, await store.FindAsync(hash, CancellationToken.None));

        // The row gone behind the store's back: the link found a moment ago is still known, for its own purpose only.
        await table.DeleteEntityAsync(TokenRows.PartitionOf(hash), hash);
        Assert.Equal(service, await store.FindAsync(hash, CancellationToken.None));
        Assert.Null(await store.FindAsync(hash, TokenPurpose.OptOut, CancellationToken.None));

        // A miss is not remembered: the row written after it is found.
        await table.UpsertEntityAsync(TokenRows.Write(unknownHash, service, TokenPurpose.Survey));
        Assert.Equal(service, await store.FindAsync(unknownHash, CancellationToken.None));
        await table.DeleteEntityAsync(TokenRows.PartitionOf(unknownHash), unknownHash);
    }
}
