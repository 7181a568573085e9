namespace Kto.Core.Accounts;

/// <summary>One line of the audit log: who did what, when, for which company.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Company, string Detail)
{
    /// <summary>A signature (portal or API): which report and version, who signed it, and the signed PDF's hash.</summary>
    public static AuditEntry ReportSigned(DateTimeOffset at, string actor, string company, int year, Reports.ReportVersionInfo version,
        Reports.ReportKind kind = Reports.ReportKind.Uwv) =>
        new(at, actor, AuditActions.ReportSigned, company,
            $"{(kind == Reports.ReportKind.Keurmerk ? "Keurmerk-rapport" : "Rapport")} {year} versie {version.Version} ondertekend door {version.SignedBy} (SHA-256 {version.Sha256})");

    /// <summary>An open answer hidden from a report (portal or API): which answer, by whom and why.</summary>
    public static AuditEntry AnswerHidden(string actor, string company, int year, Reports.HiddenAnswer hidden) =>
        new(hidden.HiddenAt, actor, AuditActions.AnswerHidden, company,
            $"Open antwoord {hidden.AnswerId} verborgen in rapport {year} door {hidden.HiddenBy}; reden: {hidden.Reason}");
}
