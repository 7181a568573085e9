using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// The bureau's fieldwork overview: the last mail runs with why each stopped, the throttle's use now, and per company
/// the bounced clients and the clients without usable e-mail, linking to the company's fieldwork page. Bureau users only.
/// </summary>
public sealed class FieldworkOverviewFunction(
    PortalGate gate,
    FieldworkOverviewService overview,
    TimeProvider time)
{
    [Function(nameof(PortalFieldworkOverview))]
    [PortalPage(PortalAccess.Bureau)]
    public async Task<IActionResult> PortalFieldworkOverview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/bureau/fieldwork")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        if (!YearQuery.TryRead(request, time, out var year)) return gate.NotFound(visitor);

        var figures = await overview.ForYearAsync(year, cancellationToken);
        var page = new FieldworkOverviewPage(
            Year: year,
            Throttle: new FieldworkOverviewPage.ThrottleUse(
                Minute: figures.Throttle.LastMinute, MaxMinute: figures.Throttle.MaxPerMinute,
                Hour: figures.Throttle.LastHour, MaxHour: figures.Throttle.MaxPerHour),
            Runs: figures.Runs.Select(r => new FieldworkOverviewPage.Run(
                Id: r.Id,
                Job: JobName(r.Job),
                Trigger: r.Trigger == MailRunTriggers.Timer ? "schema" : "bureau",
                Started: ShownDate.ShortMinute(r.StartedAt),
                Sent: r.Sent, Deferred: r.Deferred, Bounced: r.Bounced, Unknown: r.Unknown,
                Stopped: StopReasonTexts.Dutch(r),
                Next: r.NextRunAt is { } next ? ShownDate.ShortMinute(next) : null)).ToList(),
            Companies: figures.Companies.Select(c => new FieldworkOverviewPage.Company(
                Name: c.CompanyName, Bounced: c.Bounced, WithoutEmail: c.WithoutEmail,
                Url: PortalUrls.Fieldwork(c.CompanyId, year))).ToList());
        return gate.Page(visitor, "fieldwork-overview.liquid", "Veldwerk", page, "fieldwork");
    }

    private static string JobName(string job) => job switch
    {
        MailJobNames.SendInvitations => "Uitnodigingen",
        MailJobNames.SendReminders => "Herinneringen",
        _ => job,
    };
}
