using Azure.Data.Tables;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>The mail job's batch calls against Azurite: claim transactions with ETags, contacts, records, and batch reservations of the throttle.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class MailBatchTests(LocalStack stack)
{
    private TableServiceClient Tables => stack.Services.GetRequiredService<TableServiceClient>();

    [Fact]
    public async Task A_claim_transaction_skips_the_service_that_changed_since_the_read_and_claims_the_others()
    {
        var (company, _) = await stack.NewCompanyAsync("b");
        var receipt = await stack.DeliverAsync(company, "export.csv", Exports.Csv(
            $"a1;Sam;Een;a1@{company}.test;0612345678;Naar werk;15-03-2026",
            $"a2;Sam;Twee;a2@{company}.test;0612345678;Naar werk;15-03-2026",
            $"a3;Sam;Drie;a3@{company}.test;0612345678;Naar werk;15-03-2026"));
        Assert.Equal(3, receipt.GetProperty("accepted").GetInt32());
        var store = new TableFieldworkStore(Tables);
        var read = await store.CandidatesAsync(company, 2026, CancellationToken.None).ToListAsync();
        // Another run claims the second service after this run read it.
        Assert.True(await store.TryClaimAsync(read[1], ContactStep.Invitation, DateTimeOffset.UtcNow.AddMinutes(15), CancellationToken.None));

        var outcomes = await store.TryClaimAllAsync(read.Select(c => (c, ContactStep.Invitation)).ToList(), DateTimeOffset.UtcNow.AddMinutes(15), CancellationToken.None);

        Assert.Equal([ClaimOutcome.Claimed, ClaimOutcome.Busy, ClaimOutcome.Claimed], outcomes);
        var contacts = await store.GetContactsAsync(read.Select(c => c.Ref).ToList(), CancellationToken.None);
        Assert.Equal(["a1", "a2", "a3"], read.Select(c => contacts[c.Ref].Klantnummer).Order());

        var at = DateTimeOffset.UtcNow;
        var sent = new ContactAttempt(read[0].Ref, ContactStep.Invitation, ContactMode.Email, at, AttemptOutcome.Sent);
        await store.RecordAllAsync([(sent, ContactUpdate.For(sent, TimeSpan.FromMinutes(30)))], CancellationToken.None);
        await store.ReleaseClaimsAsync([read[2].Ref], CancellationToken.None);

        var after = await store.CandidatesAsync(company, 2026, CancellationToken.None).ToListAsync();
        Assert.Equal([(null, 1), (0, 0), (null, 0)], after.Select(c => (c.ClaimedStep, c.State.StepsSent)));
        Assert.Equal([read[0].Ref], await store.AttemptsAsync(company, 2026, CancellationToken.None).Select(a => a.Service).ToListAsync());
    }

    [Fact]
    public async Task Two_batch_reservations_at_once_never_take_more_slots_than_the_limit()
    {
        var row = Tables.GetTableClient(StorageNames.JobStateTable);
        await row.DeleteEntityAsync("mail-throttle", "sends");
        var settings = new MailSettings { MaxPerMinute = 5, MaxPerHour = 100 };
        var first = new TableMailThrottle(Tables, settings, TimeProvider.System);
        var second = new TableMailThrottle(Tables, settings, TimeProvider.System);
        try
        {
            var grants = await Task.WhenAll(first.TryReserveAsync(4, CancellationToken.None), second.TryReserveAsync(4, CancellationToken.None));
            var third = await first.TryReserveAsync(1, CancellationToken.None);

            Assert.Equal(5, grants.Sum(g => g.Slots));
            Assert.Equal(0, third.Slots);
            Assert.NotNull(third.Wait);
            var stored = SendTimesColumns.Read((await row.GetEntityAsync<TableEntity>("mail-throttle", "sends")).Value);
            Assert.Equal(5, stored.Count);
        }
        finally
        {
            await row.DeleteEntityAsync("mail-throttle", "sends");
        }
    }

    [Fact]
    public async Task A_grant_says_how_many_slots_both_windows_still_leave_free_after_it()
    {
        var row = Tables.GetTableClient(StorageNames.JobStateTable);
        await row.DeleteEntityAsync("mail-throttle", "sends");
        try
        {
            // The minute window binds: 5 a minute, 2 taken, 3 left (the mail job saves tokens that far ahead).
            var minute = new TableMailThrottle(Tables, new MailSettings { MaxPerMinute = 5, MaxPerHour = 100 }, TimeProvider.System);
            Assert.Equal(new ThrottleGrant(2, null, 3), await minute.TryReserveAsync(2, CancellationToken.None));
            await row.DeleteEntityAsync("mail-throttle", "sends");

            // The hour window binds: 4 an hour, 3 taken, 1 left; then nothing left.
            var hour = new TableMailThrottle(Tables, new MailSettings { MaxPerMinute = 30, MaxPerHour = 4 }, TimeProvider.System);
            Assert.Equal(new ThrottleGrant(3, null, 1), await hour.TryReserveAsync(3, CancellationToken.None));
            Assert.Equal(new ThrottleGrant(1, null, 0), await hour.TryReserveAsync(5, CancellationToken.None));
        }
        finally
        {
            await row.DeleteEntityAsync("mail-throttle", "sends");
        }
    }

    [Fact]
    public async Task A_throttle_that_skips_reading_the_row_it_wrote_still_sees_the_slots_another_run_took_since()
    {
        var row = Tables.GetTableClient(StorageNames.JobStateTable);
        await row.DeleteEntityAsync("mail-throttle", "sends");
        var settings = new MailSettings { MaxPerMinute = 5, MaxPerHour = 100 };
        var first = new TableMailThrottle(Tables, settings, TimeProvider.System);
        var second = new TableMailThrottle(Tables, settings, TimeProvider.System);
        try
        {
            Assert.Equal(2, (await first.TryReserveAsync(2, CancellationToken.None)).Slots);
            Assert.Equal(2, (await second.TryReserveAsync(2, CancellationToken.None)).Slots);

            // The first remembers 2 of 5 taken; the row holds 4: it may take only the last one.
            Assert.Equal(1, (await first.TryReserveAsync(3, CancellationToken.None)).Slots);
            var full = await first.TryReserveAsync(1, CancellationToken.None);

            Assert.Equal(0, full.Slots);
            Assert.NotNull(full.Wait);
            Assert.Equal(5, SendTimesColumns.Read((await row.GetEntityAsync<TableEntity>("mail-throttle", "sends")).Value).Count);

            // The row removed (a reset) after the first wrote it: the first reads again instead of failing.
            await row.DeleteEntityAsync("mail-throttle", "sends");
            Assert.Equal(3, (await first.TryReserveAsync(3, CancellationToken.None)).Slots);
            Assert.Equal(3, SendTimesColumns.Read((await row.GetEntityAsync<TableEntity>("mail-throttle", "sends")).Value).Count);
        }
        finally
        {
            await row.DeleteEntityAsync("mail-throttle", "sends");
        }
    }
}
