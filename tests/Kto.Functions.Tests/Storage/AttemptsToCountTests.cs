using Azure.Data.Tables;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Storage;

/// <summary>
/// The population's read of the attempts (issue 22) against Azurite: only the columns its counters use (service and
/// step from the row key), the same attempts as the whole rows say, for rows written by a run, by hand, and before the
/// service id column.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class AttemptsToCountTests(LocalStack stack)
{
    [Fact]
    public async Task The_counted_attempts_are_the_stored_ones_without_smtp_code_error_interviewer_or_call_back_time()
    {
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        var company = $"cnt{Guid.NewGuid():N}"[..16];
        var at = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        ServiceRef Service(string id) => new(company, 2026, id);
        var stored = new[]
        {
            new ContactAttempt(Service("s1"), ContactStep.Invitation, ContactMode.Email, at, AttemptOutcome.Deferred, 451, "Timeout"),
            new ContactAttempt(Service("s1"), ContactStep.Invitation, ContactMode.Email, at.AddHours(1), AttemptOutcome.Sent, 250),
            new ContactAttempt(Service("s2"), new ContactStep(1), ContactMode.Phone, at.AddDays(3), AttemptOutcome.CallBack, null, null, "anna@bureau.test", at.AddDays(4)),
        };
        var attempts = tables.GetTableClient(StorageNames.AttemptsTable);
        foreach (var attempt in stored) await attempts.AddEntityAsync(AttemptRows.Write(attempt));
        // A row from before the service id column: its service is the row key's first part.
        var old = AttemptRows.Write(new ContactAttempt(Service("s3"), ContactStep.Invitation, ContactMode.Letter, at, AttemptOutcome.Sent));
        old.Remove(AttemptRows.ServiceId);
        await attempts.AddEntityAsync(old);
        // A call recorded by hand: its row key holds mode and outcome instead of the time.
        await attempts.AddEntityAsync(AttemptRows.WriteOnce(new ContactAttempt(Service("s4"), new ContactStep(2), ContactMode.Phone, at.AddDays(5),
            AttemptOutcome.Reached, By: "piet@bureau.test")));
        var store = new TableFieldworkStore(tables);

        var counted = await store.AttemptsToCountAsync(company, 2026, CancellationToken.None).ToListAsync();
        var whole = await store.AttemptsAsync(company, 2026, CancellationToken.None).ToListAsync();

        Assert.Equal(5, counted.Count);
        Assert.Equal(whole.Select(a => (a.Service, a.Step, a.Mode, a.At, a.Outcome)), counted.Select(a => (a.Service, a.Step, a.Mode, a.At, a.Outcome)));
        Assert.Equal("s3", counted.Single(a => a.Mode == ContactMode.Letter).Service.ServiceId);
        Assert.Equal(("s4", 2), counted.Where(a => a.Outcome == AttemptOutcome.Reached).Select(a => (a.Service.ServiceId, a.Step.Number)).Single());
        Assert.All(counted, a => Assert.Equal((null, null, null, null), (a.SmtpCode, a.Error, a.By, (DateTimeOffset?)a.CallBackAt)));
        // The whole rows still carry them: only the counted read leaves them out.
        Assert.Equal("anna@bureau.test", whole.Single(a => a.Outcome == AttemptOutcome.CallBack).By);
    }
}
