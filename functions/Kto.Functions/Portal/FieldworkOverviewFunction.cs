using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Portal;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

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
        var values = new Dictionary<string, object?>
        {
            ["year"] = year,
            ["throttle"] = new Dictionary<string, object?>
            {
                ["minute"] = figures.Throttle.LastMinute, ["max_minute"] = figures.Throttle.MaxPerMinute,
                ["hour"] = figures.Throttle.LastHour, ["max_hour"] = figures.Throttle.MaxPerHour,
            },
            ["runs"] = figures.Runs.Select(r => new Dictionary<string, object?>
            {
                ["id"] = r.Id,
                ["job"] = JobName(r.Job),
                ["trigger"] = r.Trigger == MailRunTriggers.Timer ? "schema" : "bureau",
                ["started"] = Dutch(r.StartedAt),
                ["sent"] = r.Sent, ["deferred"] = r.Deferred, ["bounced"] = r.Bounced, ["unknown"] = r.Unknown,
                ["stopped"] = StopReasonTexts.Dutch(r),
                ["next"] = r.NextRunAt is { } next ? Dutch(next) : null,
            }).ToList(),
            ["companies"] = figures.Companies.Select(c => new Dictionary<string, object?>
            {
                ["name"] = c.CompanyName, ["bounced"] = c.Bounced, ["without_email"] = c.WithoutEmail,
                ["url"] = PortalUrls.Fieldwork(c.CompanyId, year),
            }).ToList(),
        };
        return PortalResult.Page(gate.Pages.Render(gate.View(visitor, "fieldwork-overview.liquid", "Veldwerk", values, "fieldwork")));
    }

    private static string Dutch(DateTimeOffset at) => DutchTime.ToDutch(at).ToString("d MMM yyyy HH:mm", DutchTime.Culture);

    private static string JobName(string job) => job switch
    {
        MailJobNames.SendInvitations => "Uitnodigingen",
        MailJobNames.SendReminders => "Herinneringen",
        _ => job,
    };
}
