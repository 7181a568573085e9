using Kto.Core.Reports;

namespace Kto.Core.Population;

/// <summary>
/// The one rule for how the bureau's corrections change the population, used by every reader of it (mail job,
/// offline list, questionnaire, ingest, progress and report): a withdrawn service is in no population; a corrected
/// perceel or end date replaces the delivered one, the latest correction winning; the id the corrected values give
/// is the same service, so a delivery of the corrected row is a duplicate, never a second service.
/// </summary>
public static class PopulationCorrections
{
    /// <summary>The service after its corrections, applied in sequence order.</summary>
    public static CorrectedService Apply(Perceel perceel, DateOnly einddatum, IEnumerable<ServiceCorrection> corrections)
    {
        var withdrawn = false;
        foreach (var c in corrections.OrderBy(c => c.Sequence))
        {
            switch (c.Kind)
            {
                case CorrectionKind.Withdrawn: withdrawn = true; break;
                case CorrectionKind.Perceel: perceel = c.NewPerceel ?? perceel; break;
                case CorrectionKind.Einddatum: einddatum = c.NewEinddatum ?? einddatum; break;
            }
        }
        return new CorrectedService(withdrawn, perceel, einddatum);
    }

    /// <summary>The corrections of one company and year, per service id, each list in sequence order.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ServiceCorrection>>> ByServiceAsync(
        ICorrectionStore store, string company, int year, CancellationToken cancellationToken)
    {
        var all = await store.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        return ByService(all);
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<ServiceCorrection>> ByService(IEnumerable<ServiceCorrection> corrections) =>
        corrections.GroupBy(c => c.Service.ServiceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ServiceCorrection>)g.OrderBy(c => c.Sequence).ToList(), StringComparer.Ordinal);

    /// <summary>Ids that corrected values give, each naming the service it stands for: ingest knows them as that service.</summary>
    public static IEnumerable<KeyValuePair<string, string>> CorrectedIds(IEnumerable<ServiceCorrection> corrections) =>
        corrections.Where(c => c.CorrectedId is not null)
            .Select(c => new KeyValuePair<string, string>(c.CorrectedId!, c.Service.ServiceId));

    /// <summary>
    /// What the report's method section lists for one perceel: every change counted in the perceel the service had
    /// just before it (a perceel correction also counts as "in" in the new perceel), per reason; zero counts left out.
    /// </summary>
    public static IReadOnlyList<PopulationChange> Changes(Perceel perceel, IEnumerable<ServiceCorrection> corrections)
    {
        var counted = new List<(string Change, CorrectionReason Reason)>();
        foreach (var c in corrections)
        {
            if (c.PerceelBefore == perceel)
            {
                counted.Add((c.Kind switch
                {
                    CorrectionKind.Withdrawn => PopulationChange.Withdrawn,
                    CorrectionKind.Perceel => PopulationChange.PerceelOut,
                    _ => PopulationChange.Einddatum,
                }, c.Reason));
            }
            if (c.Kind == CorrectionKind.Perceel && c.NewPerceel == perceel)
                counted.Add((PopulationChange.PerceelIn, c.Reason));
        }
        return counted
            .GroupBy(x => x)
            .OrderBy(g => Array.IndexOf(PopulationChange.AllChanges, g.Key.Change)).ThenBy(g => g.Key.Reason)
            .Select(g => new PopulationChange(g.Key.Change, CorrectionReasons.Name(g.Key.Reason), g.Count()))
            .ToList();
    }
}
