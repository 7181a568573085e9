namespace Kto.Core.Keurmerk;

/// <summary>The ids of the three norms.</summary>
public static class KeurmerkNormIds
{
    public const string ClientSatisfaction = "client-satisfaction";
    public const string OpdrachtgeverSatisfaction = "opdrachtgever-satisfaction";
    public const string Results = "results";
}
