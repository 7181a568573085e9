using Kto.Core.Accounts;

namespace Kto.Core.Digest;

/// <summary>The weekly digest for one portal user: every company for the bureau (at risk first), the own company for a company user.</summary>
/// <param name="Week">The ISO week it belongs to ("2026-W49"); one mail per user and week.</param>
public sealed record WeeklyDigest(PortalUser Recipient, string Week, int Year, IReadOnlyList<CompanyDigest> Companies)
{
    public int AtRisk => Companies.Count(c => c.AtRisk);
}

/// <summary>The mail to a company's user that last month's delivery is late.</summary>
/// <param name="Month">"november 2026".</param>
/// <param name="Due">The day it was due ("10 december 2026").</param>
public sealed record DeliveryReminder(PortalUser Recipient, string CompanyId, string CompanyName, string Month, string Due);
