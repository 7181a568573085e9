using Kto.Core.Reports;

namespace Kto.Core.Keurmerk;

/// <summary>
/// The Blik op Werk Keurmerk figures of one company and year, beside (not inside) the UWV report: client
/// satisfaction, opdrachtgever satisfaction, the results norm, and whether each norm is met. Its JSON is the
/// contract in docs/report-schema.md ("The Keurmerk report").
/// </summary>
public sealed record KeurmerkReport(
    string CompanyId,
    string CompanyName,
    int Year,
    DateTimeOffset GeneratedAt,
    string OpdrachtgeverQuestionnaireVersion,
    KeurmerkClients Clients,
    KeurmerkOpdrachtgevers Opdrachtgevers,
    KeurmerkResults Results,
    IReadOnlyList<KeurmerkNorm> Norms);

/// <summary>Client satisfaction: all percelen together and per service type (perceel).</summary>
public sealed record KeurmerkClients(int Ended, int Responded, double? MeanGrade, IReadOnlyList<KeurmerkServiceType> PerServiceType);

/// <summary>One service type (perceel): its ended services, respondents and mean grade.</summary>
public sealed record KeurmerkServiceType(string ServiceType, int Ended, int Responded, double? MeanGrade);

/// <summary>
/// Opdrachtgever satisfaction. Shares are of the opdrachtgevers who answered the question (4 or 5 on the agree
/// scale; "weet niet" left out).
/// </summary>
public sealed record KeurmerkOpdrachtgevers(
    int Opdrachtgevers,
    int? Trajecten,
    int Approached,
    int Responded,
    double ResponseRate,
    double? MeanGradeCooperation,
    double? MeanGradeResults,
    double? AgreementsKept,
    double? Reporting,
    double? Reachability,
    double? WouldCommissionAgain);

/// <summary>The results norm from "reden beëindiging": completed and successfully completed trajectories.</summary>
public sealed record KeurmerkResults(int Ended, int Completed, int Successful, double? SuccessRate,
    IReadOnlyList<string> SuccessWords, IReadOnlyList<string> FailureWords);

/// <summary>One norm: the value, the threshold (a setting), and met / not met (null: no figures to judge).</summary>
public sealed record KeurmerkNorm(string Id, string Name, double? Value, double Threshold, bool? Met);

/// <summary>The ids of the three norms.</summary>
public static class KeurmerkNormIds
{
    public const string ClientSatisfaction = "client-satisfaction";
    public const string OpdrachtgeverSatisfaction = "opdrachtgever-satisfaction";
    public const string Results = "results";
}
