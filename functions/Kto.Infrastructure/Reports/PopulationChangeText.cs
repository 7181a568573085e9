using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports;

/// <summary>The method section's line about the population's history, in Dutch (PDF), from <see cref="PerceelFigures.PopulationChanges"/>.</summary>
public static class PopulationChangeText
{
    public const string Label = "Wijzigingen na levering";

    /// <summary>Who can change the population: the auditor's question, answered in the report itself.</summary>
    public const string OnlyTheBureau = "Alleen het onderzoeksbureau kan een geleverde dienst intrekken of corrigeren, met een reden; " +
                                        "het re-integratiebedrijf heeft daar geen invloed op. Niets wordt gewist: elke wijziging blijft bewaard.";

    /// <summary>"2 ingetrokken (geen cliënt van dit bedrijf: 1; dienst niet beëindigd: 1); 1 naar een ander perceel (fout in de levering: 1)".</summary>
    public static string Describe(IReadOnlyList<PopulationChange>? changes)
    {
        if (changes is null) return "niet vastgelegd (concept van vóór het bijhouden van wijzigingen)";
        if (changes.Count == 0) return "geen: geen dienst ingetrokken of gecorrigeerd";
        return string.Join("; ", changes.GroupBy(c => c.Change).Select(g =>
            $"{g.Sum(c => c.Count)} {PopulationChange.DutchChange(g.Key)} ({string.Join(", ", g.Select(c => $"{c.DutchReason()}: {c.Count}"))})"));
    }
}
