namespace Kto.Core.Population;

/// <summary>
/// The one place for the reasons of a withdrawal or correction: stored and API names, the Dutch label the report
/// and the portal show, and which reasons a kind of change may give.
/// </summary>
public static class CorrectionReasons
{
    public const string WrongCompany = "wrong-company";
    public const string WrongPerceel = "wrong-perceel";
    public const string NotEnded = "not-ended";
    public const string DeliveryError = "delivery-error";
    public const string ClientStatement = "client-statement";
    public const string UwvRecord = "uwv-record";

    public static IReadOnlyList<string> All { get; } = [WrongCompany, WrongPerceel, NotEnded, DeliveryError, ClientStatement, UwvRecord];

    public static string Name(CorrectionReason reason) => All[(int)reason];

    public static CorrectionReason? Parse(string? name)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], name?.Trim(), StringComparison.OrdinalIgnoreCase)) return (CorrectionReason)i;
        return null;
    }

    /// <summary>A withdrawal says what was wrong with the service; a correction says where the right value came from.</summary>
    public static IReadOnlyList<CorrectionReason> AllowedFor(CorrectionKind kind) => kind == CorrectionKind.Withdrawn
        ? [CorrectionReason.WrongCompany, CorrectionReason.WrongPerceel, CorrectionReason.NotEnded]
        : [CorrectionReason.DeliveryError, CorrectionReason.ClientStatement, CorrectionReason.UwvRecord];

    public static string DutchLabel(CorrectionReason reason) => reason switch
    {
        CorrectionReason.WrongCompany => "geen cliënt van dit bedrijf",
        CorrectionReason.WrongPerceel => "dienst van een ander perceel",
        CorrectionReason.NotEnded => "dienst niet beëindigd",
        CorrectionReason.DeliveryError => "fout in de levering",
        CorrectionReason.ClientStatement => "opgave van de cliënt",
        CorrectionReason.UwvRecord => "gegevens van UWV",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
