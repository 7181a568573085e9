using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests;

/// <summary>One bad client never stops a mail run; mail runs started over HTTP run in the background (202 + status).</summary>
public sealed partial class MailJobTests
{
    [Fact]
    public async Task An_address_with_a_control_character_defers_only_that_client_and_every_other_company_is_mailed()
    {
        var (first, firstDomain) = await DeliverAsync("goed1", "kapot", "goed2");
        var (_, secondDomain) = await DeliverAsync(Enumerable.Range(1, 10).Select(i => $"tweede{i}").ToArray());
        // An address stored before ingest refused such addresses: a control character MimeKit will not take.
        var bad = (await ServicesAsync(first))["kapot"];
        await SetEmailAsync(bad, $"a\u0001b@{firstDomain}");

        var run = await stack.RunJobAsync("send-invitations", Tuesday);

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("done", run.GetProperty("stopped").GetString());
        Assert.Equal(["goed1@" + firstDomain, "goed2@" + firstDomain], Addresses(firstDomain));
        Assert.Equal(10, Addresses(secondDomain).Distinct().Count());
        Assert.Equal(10, Addresses(secondDomain).Count);
        var deferred = (await AttemptsAsync(first)).Single(a => a.Service == bad);
        Assert.Equal(AttemptOutcome.Deferred, deferred.Outcome);
        Assert.False(string.IsNullOrEmpty(deferred.Error));
        Assert.True(run.GetProperty("deferred").GetInt32() >= 1);
        Assert.True(run.GetProperty("sent").GetInt32() >= 12);

        // A later run retries the bad client (deferred again: the address is still bad) and mails nobody twice.
        await stack.RunJobAsync("send-invitations", Tuesday.AddMinutes(31));
        Assert.Equal(2, Addresses(firstDomain).Count);
        Assert.Equal(10, Addresses(secondDomain).Count);
        Assert.Equal([AttemptOutcome.Deferred, AttemptOutcome.Deferred],
            (await AttemptsAsync(first)).Where(a => a.Service == bad).OrderBy(a => a.At).Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_template_error_a_failing_token_write_or_a_dropped_reconnect_defers_that_client_only()
    {
        var (first, firstDomain) = await DeliverAsync("sjabloon", "fijn1", "token", "fijn2");
        var (second, secondDomain) = await DeliverAsync("verbinding", "fijn3", "fijn4");
        var firstServices = await ServicesAsync(first);
        var job = FaultyJob(new MailSettings { Host = "127.0.0.1", Port = stack.Smtp.Port, Security = "None", MaxPerMinute = 10_000, MaxPerHour = 100_000 },
            tokens: new MailFaults.TokenStore(stack.Services.GetRequiredService<ISurveyTokenStore>(), firstServices["token"]),
            composer: new MailFaults.Composer(stack.Services.GetRequiredService<IMailComposer>(), $"sjabloon@{firstDomain}"),
            sender: new MailFaults.Sender(stack.Services.GetRequiredService<IMailSender>(), $"verbinding@{secondDomain}"));

        var result = await job.RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);

        Assert.Equal(MailJobResult.StopReasons.Done, result.Stopped);
        Assert.Equal(["fijn1@" + firstDomain, "fijn2@" + firstDomain], Addresses(firstDomain));
        Assert.Equal(["fijn3@" + secondDomain, "fijn4@" + secondDomain], Addresses(secondDomain));
        var failed = (await AttemptsAsync(first)).Concat(await AttemptsAsync(second)).Where(a => a.Outcome != AttemptOutcome.Sent).ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, a => Assert.Equal(AttemptOutcome.Deferred, a.Outcome));
        Assert.Equal(["InvalidOperationException", "ObjectDisposedException", "RequestFailedException"], failed.Select(a => a.Error!).Order());
        Assert.True(result.Errors >= 3);

        // Fixed: the next run (30 minutes on, through the bureau's route) mails exactly the three deferred clients, once.
        await stack.RunJobAsync("send-invitations", Tuesday.AddMinutes(31));
        Assert.Equal(["fijn1", "fijn2", "sjabloon", "token"], Addresses(firstDomain).Select(Local).Order());
        Assert.Equal(["fijn3", "fijn4", "verbinding"], Addresses(secondDomain).Select(Local).Order());
    }

    [Fact]
    public async Task A_client_who_keeps_failing_is_given_up_after_the_cap_and_listed_for_a_letter()
    {
        var (company, domain) = await DeliverAsync("hardnekkig", "gewoon");
        var stubborn = (await ServicesAsync(company))["hardnekkig"];
        var settings = new MailSettings { Host = "127.0.0.1", Port = stack.Smtp.Port, Security = "None", MaxPerMinute = 10_000, MaxPerHour = 100_000, MaxDeferrals = 2 };
        var job = FaultyJob(settings, composer: new MailFaults.Composer(stack.Services.GetRequiredService<IMailComposer>(), $"hardnekkig@{domain}"));

        await job.RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);
        var second = await job.RunAsync(MailJob.SendInvitations, Tuesday.AddMinutes(31), CancellationToken.None);
        await job.RunAsync(MailJob.SendInvitations, Tuesday.AddMinutes(62), CancellationToken.None);

        Assert.Equal(["gewoon@" + domain], Addresses(domain));
        var tries = (await AttemptsAsync(company)).Where(a => a.Service == stubborn).OrderBy(a => a.At).ToList();
        Assert.Equal([AttemptOutcome.Deferred, AttemptOutcome.Failed], tries.Select(a => a.Outcome));
        Assert.True(second.Bounced >= 1);
        Assert.True((await Fieldwork.GetAsync(stubborn, CancellationToken.None))!.State.EmailBounced);
        var offline = await stack.Bureau().GetStringAsync($"/api/companies/{company}/offline-contacts?year=2026");
        Assert.Contains(stubborn.ServiceId, offline);
    }

    [Fact]
    public async Task A_mail_the_server_accepted_but_that_could_not_be_recorded_is_never_sent_again()
    {
        var (company, domain) = await DeliverAsync("geschreven", "ander");
        var written = (await ServicesAsync(company))["geschreven"];
        // Claims expire at once, so the next run may look at the left-over claim straight away.
        var settings = new MailSettings { Host = "127.0.0.1", Port = stack.Smtp.Port, Security = "None", MaxPerMinute = 10_000, MaxPerHour = 100_000, ClaimDuration = TimeSpan.Zero };
        var job = FaultyJob(settings, store: new MailFaults.Store(Fieldwork, written));

        var result = await job.RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);
        Assert.Equal(MailJobResult.StopReasons.Done, result.Stopped);
        Assert.Equal(2, Addresses(domain).Count);
        Assert.DoesNotContain(await AttemptsAsync(company), a => a.Service == written);

        await stack.RunJobAsync("send-invitations", Tuesday.AddMinutes(31));
        Assert.Equal(2, Addresses(domain).Count);
        Assert.Equal(AttemptOutcome.Unknown, (await AttemptsAsync(company)).Single(a => a.Service == written).Outcome);
    }

    [Fact]
    public async Task A_mail_job_over_http_answers_202_and_its_run_is_followed_by_id_to_its_stop_reason_and_next_run()
    {
        var (_, domain) = await DeliverAsync("volg1", "volg2");
        var response = await stack.Bureau().PostAsync($"/api/jobs/send-invitations?at={Uri.EscapeDataString(Tuesday.ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal($"/api/job-runs/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("send-invitations-", id);

        var done = await stack.WaitForJobRunAsync($"/api/job-runs/{id}");
        Assert.Equal(("completed", "done", "http"), (done.GetProperty("status").GetString(), done.GetProperty("stopped").GetString(), done.GetProperty("trigger").GetString()));
        Assert.True(done.GetProperty("sent").GetInt32() >= 2);
        Assert.Equal(2, Addresses(domain).Count);
        foreach (var count in new[] { "deferred", "bounced", "unknown" }) Assert.True(done.TryGetProperty(count, out _), count);

        // A run in quiet hours stops at once and says when the next run mails again: 08:00 Dutch time (07:00 UTC).
        var quiet = await stack.RunJobAsync("send-invitations", new DateTimeOffset(2026, 11, 24, 22, 30, 0, TimeSpan.FromHours(1)));
        Assert.Equal("quiet-time", quiet.GetProperty("stopped").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero), quiet.GetProperty("nextRunAt").GetDateTimeOffset());

        var recent = await stack.Bureau().GetFromJsonAsync<JsonElement>("/api/job-runs?limit=5");
        var ids = recent.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(quiet.GetProperty("id").GetString(), ids[0]);
        Assert.Contains(id, ids);

        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync("/api/job-runs/send-invitations-20260101T000000000Z-00000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Bureau().GetAsync("/api/job-runs/report-2026-all")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Client().GetAsync($"/api/job-runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Client(await CompanyKeyAsync()).PostAsync("/api/jobs/send-invitations", null)).StatusCode); // a valid key, not the bureau's
    }

    [Fact]
    public async Task A_throttled_run_is_recorded_with_its_counts_its_stop_reason_and_when_the_next_run_continues()
    {
        var (_, domain) = await DeliverAsync(Enumerable.Range(1, 6).Select(i => $"traag{i}").ToArray());
        // Two mails a minute would take minutes; the run stops at the first wait (MaxThrottleWait 0), as a throttled run does.
        var settings = new MailSettings { Host = "127.0.0.1", Port = stack.Smtp.Port, Security = "None", MaxPerMinute = 2, MaxPerHour = 100, MaxThrottleWait = TimeSpan.Zero };
        var tables = stack.Services.GetRequiredService<TableServiceClient>();
        await tables.GetTableClient(StorageNames.JobStateTable).DeleteEntityAsync("mail-throttle", "sends");
        var jobs = ActivatorUtilities.CreateInstance<MailJobService>(stack.Services, settings, new TableMailThrottle(tables, settings, TimeProvider.System));
        var runs = ActivatorUtilities.CreateInstance<MailRunService>(stack.Services, jobs);

        var queued = await runs.QueueAsync(MailJob.SendInvitations, Tuesday, MailRunTriggers.Timer, CancellationToken.None);
        Assert.Equal("queued", (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/job-runs/{queued.Id}")).GetProperty("status").GetString());
        var before = stack.Smtp.Received.Count;
        var finished = await runs.RunAsync(queued, CancellationToken.None);
        await tables.GetTableClient(StorageNames.JobStateTable).DeleteEntityAsync("mail-throttle", "sends");

        Assert.Equal(MailJobResult.StopReasons.Throttled, finished.Stopped);
        // The run covers every company: clients of other tests may take the two slots, so count all mail.
        Assert.Equal(2, stack.Smtp.Received.Count - before);
        Assert.Equal(2, finished.Sent);
        Assert.InRange(Addresses(domain).Count, 0, 2);
        Assert.NotNull(finished.NextRunAt);
        var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/job-runs/{queued.Id}");
        Assert.Equal(("completed", "throttled", 2), (status.GetProperty("status").GetString(), status.GetProperty("stopped").GetString(), status.GetProperty("sent").GetInt32()));
        Assert.Equal(finished.NextRunAt, status.GetProperty("nextRunAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_stops_the_run_before_anyone_is_claimed()
    {
        var (company, _) = await DeliverAsync("onbereikbaar");
        var service = (await ServicesAsync(company))["onbereikbaar"];
        var nobodyListens = new MailSettings { Host = "127.0.0.1", Port = FreePort.Next(), Security = "None", MaxPerMinute = 10_000, MaxPerHour = 100_000 };

        var result = await FaultyJob(nobodyListens).RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);

        Assert.Equal(MailJobResult.StopReasons.MailServerUnavailable, result.Stopped);
        Assert.Empty(await AttemptsAsync(company));
        Assert.Null((await Fieldwork.GetAsync(service, CancellationToken.None))!.ClaimedStep);
    }

    [Fact]
    public async Task A_connection_the_server_closed_while_the_run_waited_for_a_slot_is_reopened_and_nobody_is_deferred()
    {
        await using var strict = new TestSmtpServer(idleTimeout: TimeSpan.FromSeconds(3));
        var (company, domain) = await DeliverAsync("voor", "na");
        var settings = new MailSettings { Host = "127.0.0.1", Port = strict.Port, Security = "None" };
        var job = ActivatorUtilities.CreateInstance<MailJobService>(stack.Services, settings,
            new MailFaults.WaitOnceThrottle(TimeSpan.FromSeconds(12)),
            new Kto.Infrastructure.Mail.SmtpMailSender(settings, stack.Services.GetRequiredService<BureauSettings>()));

        var result = await job.RunAsync(MailJob.SendInvitations, Tuesday, CancellationToken.None);

        Assert.Equal(MailJobResult.StopReasons.Done, result.Stopped);
        // The run covers every company in the stack: whoever came after the wait must have been sent, not deferred.
        Assert.Equal(0, result.Deferred);
        Assert.Equal(["na@" + domain, "voor@" + domain], strict.To(domain).Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(await AttemptsAsync(company), a => Assert.Equal(AttemptOutcome.Sent, a.Outcome));
    }

    private MailJobService FaultyJob(MailSettings settings, ISurveyTokenStore? tokens = null, IMailComposer? composer = null,
        IMailSender? sender = null, IFieldworkStore? store = null)
    {
        var services = stack.Services;
        var throttle = new TableMailThrottle(services.GetRequiredService<TableServiceClient>(), settings, TimeProvider.System);
        return ActivatorUtilities.CreateInstance<MailJobService>(services, settings, throttle,
            tokens ?? services.GetRequiredService<ISurveyTokenStore>(),
            composer ?? services.GetRequiredService<IMailComposer>(),
            sender ?? new Kto.Infrastructure.Mail.SmtpMailSender(settings, services.GetRequiredService<BureauSettings>()),
            store ?? Fieldwork);
    }

    private List<string> Addresses(string domain) =>
        stack.Smtp.To(domain).Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToList();

    private static string Local(string address) => address[..address.IndexOf('@')];

    /// <summary>Overwrites a client's stored address, as rows ingested before an address rule came in are kept.</summary>
    private async Task SetEmailAsync(ServiceRef service, string email)
    {
        var contacts = stack.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ContactsTable);
        var entity = new TableEntity(TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId) { ["Email"] = email };
        await contacts.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge);
    }
}
