using Kto.Core.Population;

namespace Kto.Core.Reports;

/// <summary>
/// One line of the method section's population history: how many services of a perceel changed this way, for this
/// reason, after delivery (only the bureau can change them). Counted by <see cref="PopulationCorrections.Changes"/>.
/// </summary>
/// <param name="Change"><c>withdrawn</c>, <c>perceel-out</c> (to another perceel), <c>perceel-in</c> (from another perceel) or <c>einddatum</c>.</param>
/// <param name="Reason">A <see cref="CorrectionReasons"/> name.</param>
public sealed record PopulationChange(string Change, string Reason, int Count)
{
    public const string Withdrawn = "withdrawn";
    public const string PerceelOut = "perceel-out";
    public const string PerceelIn = "perceel-in";
    public const string Einddatum = "einddatum";

    public static readonly string[] AllChanges = [Withdrawn, PerceelOut, PerceelIn, Einddatum];

    /// <summary>The Dutch words the PDF and XLSX use for <see cref="Change"/>.</summary>
    public static string DutchChange(string change) => change switch
    {
        Withdrawn => "ingetrokken",
        PerceelOut => "naar een ander perceel",
        PerceelIn => "uit een ander perceel",
        Einddatum => "einddatum gecorrigeerd",
        _ => change,
    };

    /// <summary>The Dutch label of <see cref="Reason"/>.</summary>
    public string DutchReason() => CorrectionReasons.Parse(Reason) is { } r ? CorrectionReasons.DutchLabel(r) : Reason;
}
