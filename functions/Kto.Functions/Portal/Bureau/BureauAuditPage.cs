using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>bureau-audit.liquid: the most recent entries of the audit log.</summary>
public sealed record BureauAuditPage(List<BureauAuditPage.Entry> Entries)
{
    public sealed record Entry(ShownDate At, string Actor, string Action, string Company, string Detail);
}
