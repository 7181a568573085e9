using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>fieldwork-overview.liquid: the last mail runs, the throttle's use now, and per company who mail does not reach.</summary>
public sealed record FieldworkOverviewPage(int Year, FieldworkOverviewPage.ThrottleUse Throttle, List<FieldworkOverviewPage.Run> Runs, List<FieldworkOverviewPage.Company> Companies)
{
    public sealed record ThrottleUse(int Minute, int MaxMinute, int Hour, int MaxHour);

    public sealed record Run(string Id, string Job, string Trigger, ShownDate Started, int Sent, int Deferred, int Bounced, int Unknown, string Stopped, ShownDate? Next);

    public sealed record Company(string Name, int Bounced, int WithoutEmail, string Url);
}
