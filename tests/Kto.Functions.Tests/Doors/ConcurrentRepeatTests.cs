using System.Net;
using System.Net.Http.Json;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Doors;

/// <summary>
/// Issue 21 items 4 and 13: the same change sent several times at once (a double click, a retry, two people)
/// changes the thing once, is audited once, and every repeat answers what the first did; registering a company with
/// the bureau key is audited like one through the portal. Real concurrent requests against the real host.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ConcurrentRepeatTests(LocalStack stack)
{
    private const int AtOnce = 6;

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() => await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(5000, default);

    [Fact]
    public async Task A_company_registered_with_the_bureau_key_several_times_at_once_is_made_once_and_audited_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var id = $"tegelijk-{Guid.NewGuid():N}"[..20];
            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => stack.Api().AddCompanyAsync(id, "Tegelijk BV")));

            var created = Assert.Single(answers, a => a.Status == 201);
            Assert.All(answers.Where(a => a != created), a => Assert.Equal((409, "company-exists"), (a.Status, a.JsonString("error"))));
            var line = Assert.Single(await AuditAsync(), e => e.Company == id && e.Action == AuditActions.CompanyRegistered);
            Assert.Equal(AuditActions.BureauKey, line.Actor);
            Assert.Equal(200, (await stack.Api(created.JsonString("key")).GetProgressAsync(id, 2026)).Status);   // the one key works
        }
    }

    [Fact]
    public async Task A_job_the_bureau_starts_by_hand_is_audited_once_and_the_timers_own_runs_are_not_doors()
    {
        using var api = stack.Api();
        var started = await api.StartJobAsync("send-invitations", Invitations.MailTime.ToString("O"));
        Assert.Equal(202, started.Status);
        var runId = started.JsonString("id")!;
        await stack.WaitForJobRunAsync(started.JsonString("statusUrl")!);
        var line = Assert.Single(await AuditAsync(), e => e.Action == AuditActions.JobStarted && e.Detail.Contains(runId));
        Assert.Equal(AuditActions.BureauKey, line.Actor);

        var before = (await AuditAsync()).Count(e => e.Action == AuditActions.JobStarted && e.Detail.StartsWith("purge-expired", StringComparison.Ordinal));
        Assert.Equal(200, (await api.StartJobAsync("purge-expired")).Status);
        Assert.Equal(before + 1, (await AuditAsync()).Count(e => e.Action == AuditActions.JobStarted && e.Detail.StartsWith("purge-expired", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_report_run_the_bureau_starts_with_the_key_or_in_the_portal_is_audited_with_who_started_it()
    {
        var (company, _) = await stack.NewCompanyAsync("concept");
        await Kto.Functions.Tests.Reports.ReportStack.RunReportAsync(stack, company); // started with the key, waited for
        var line = Assert.Single(await AuditAsync(), e => e.Company == company && e.Action == AuditActions.ReportRunStarted);
        Assert.Equal((AuditActions.BureauKey, "Concept van het jaarrapport 2026 gestart"), (line.Actor, line.Detail));

        var bureauEmail = $"concept-{Guid.NewGuid():N}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var bureau = new PortalClient(stack);
        await bureau.SignInAsync(bureauEmail);
        var token = PortalClient.FormToken(await bureau.Http.GetStringAsync($"/portal/bureau/reports/{company}?year=2026"));
        await bureau.PostFormAsync($"/portal/bureau/reports/{company}/start", new() { ["_csrf"] = token, ["year"] = "2026" });
        var lines = (await AuditAsync()).Where(e => e.Company == company && e.Action == AuditActions.ReportRunStarted).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, e => e.Actor == bureauEmail);
    }

    [Fact]
    public async Task A_user_added_several_times_at_once_is_added_once_and_every_answer_is_the_user_and_a_removal_is_audited_once()
    {
        var (company, _) = await stack.NewCompanyAsync("dubbel");
        var bureauEmail = $"bureau-{Guid.NewGuid():N}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, company: null);
        var bureau = new PortalClient(stack);
        await bureau.SignInAsync(bureauEmail);
        for (var round = 0; round < 3; round++)
        {
            var email = $"anna{round}@{company}.example.nl";
            var added = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ =>
                stack.Bureau().PostAsJsonAsync("/api/users", new { email, role = "company", company, name = "Anna de Vries" })));
            Assert.All(added, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
            Assert.Single(await AuditAsync(), e => e.Action == AuditActions.UserAdded && e.Detail.StartsWith(email + " ", StringComparison.Ordinal));

            var token = PortalClient.FormToken(await bureau.Http.GetStringAsync("/portal/bureau/users"));
            var removed = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ =>
                bureau.PostFormAsync("/portal/bureau/users/remove", new() { ["_csrf"] = token, ["email"] = email, ["bevestigd"] = "1" })));
            Assert.All(removed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(await AuditAsync(), e => e.Action == AuditActions.UserRemoved && e.Detail == $"{email} verwijderd");
        }
        // A different account under a taken address is still a conflict.
        var other = await stack.Bureau().PostAsJsonAsync("/api/users", new { email = $"vast@{company}.example.nl", role = "company", company });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await stack.Bureau().PostAsJsonAsync("/api/users", new { email = $"vast@{company}.example.nl", role = "bureau" })).StatusCode);
    }

    [Fact]
    public async Task A_withdrawal_or_a_correction_sent_several_times_at_once_is_made_once_audited_once_and_answered_alike()
    {
        var (company, _) = await stack.NewCompanyAsync("intrek");
        for (var round = 0; round < 3; round++)
        {
            var withdrawn = await StoredServices.StoreAsync(stack, company, $"W{round}", new DateOnly(2026, 3, 1));
            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ =>
                stack.Api().WithdrawServiceAsync(company, 2026, withdrawn, "wrong-company", "dubbel geklikt")));
            Assert.All(answers, a => Assert.Equal(200, a.Status));
            Assert.All(answers, a => Assert.True(a.Json().GetProperty("withdrawn").GetBoolean()));
            Assert.Equal(1, (await stack.Api().GetServiceAsync(company, 2026, withdrawn)).Json().GetProperty("corrections").GetArrayLength());
            Assert.Single(await AuditAsync(), e => e.Action == AuditActions.ServiceWithdrawn && e.Detail.Contains(withdrawn));

            var corrected = await StoredServices.StoreAsync(stack, company, $"C{round}", new DateOnly(2026, 3, 1));
            var corrections = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ =>
                stack.Api().CorrectServiceAsync(company, 2026, corrected, "Werkfit maken", null, "delivery-error")));
            Assert.All(corrections, a => Assert.Equal(200, a.Status));
            Assert.Equal(1, (await stack.Api().GetServiceAsync(company, 2026, corrected)).Json().GetProperty("corrections").GetArrayLength());
            Assert.Single(await AuditAsync(), e => e.Action == AuditActions.ServiceCorrected && e.Detail.Contains(corrected));
        }
        // Another reason on a withdrawn service is still refused.
        var service = await StoredServices.StoreAsync(stack, company, "X1", new DateOnly(2026, 3, 1));
        Assert.Equal(200, (await stack.Api().WithdrawServiceAsync(company, 2026, service, "not-ended")).Status);
        var again = await stack.Api().WithdrawServiceAsync(company, 2026, service, "wrong-perceel");
        Assert.Equal((409, "already-withdrawn"), (again.Status, again.JsonString("error")));
    }
}
