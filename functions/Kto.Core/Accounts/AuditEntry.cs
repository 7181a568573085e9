namespace Kto.Core.Accounts;

/// <summary>One line of the audit log: who did what, when, for which company.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Company, string Detail);
