namespace Kto.Core.Keurmerk;

/// <summary>
/// Opdrachtgever satisfaction. Shares are of the opdrachtgevers who answered the question (4 or 5 on the agree
/// scale; "weet niet" left out). Per mode as the clients' progress counts it: opdrachtgevers approached by e-mail,
/// letter and phone (one may be approached in more than one way), and respondents by web, phone and paper.
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
    double? WouldCommissionAgain,
    Reports.ContactAttempts ApproachedByMode,
    Reports.ResponsesByMode RespondedByMode);
