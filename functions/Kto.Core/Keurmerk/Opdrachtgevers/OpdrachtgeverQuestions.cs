namespace Kto.Core.Keurmerk;

/// <summary>
/// The question ids of the opdrachtgever questionnaire the Keurmerk figures read (Versions/bow-opdrachtgever-*.json);
/// the grade for the cooperation is the questionnaire's <c>rapportcijfer</c>, as for clients.
/// </summary>
public static class OpdrachtgeverQuestions
{
    public const string GradeResults = "cijfer-resultaten";
    public const string AgreementsKept = "afspraken-nagekomen";
    public const string Reporting = "rapportage";
    public const string Reachability = "bereikbaarheid";
    public const string WouldCommissionAgain = "opnieuw-opdracht";
}
