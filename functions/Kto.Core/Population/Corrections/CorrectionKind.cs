namespace Kto.Core.Population;

/// <summary>What the bureau changed about a delivered service; <see cref="CorrectionKinds"/> has the stored and API names.</summary>
public enum CorrectionKind
{
    /// <summary>The service leaves the population (it was never this company's, this perceel's, or it has not ended).</summary>
    Withdrawn,
    /// <summary>The service counts in another perceel.</summary>
    Perceel,
    /// <summary>The service ended on another day of the same measurement year.</summary>
    Einddatum,
}
