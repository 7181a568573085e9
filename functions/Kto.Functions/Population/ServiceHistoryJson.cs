using Kto.Core;
using Kto.Core.Population;

namespace Kto.Functions.Population;

/// <summary>The JSON shape of a service and its corrections on the API (README: Contracts).</summary>
public static class ServiceHistoryJson
{
    public static object Of(ServiceHistory h) => new
    {
        service = h.Delivered.Ref.ServiceId,
        year = h.Delivered.Ref.Year,
        klantnummer = h.Delivered.Klantnummer,
        delivered = new { perceel = PerceelNames.DisplayName(h.Delivered.Perceel), einddatum = h.Delivered.Einddatum },
        withdrawn = h.Current.Withdrawn,
        perceel = PerceelNames.DisplayName(h.Current.Perceel),
        einddatum = h.Current.Einddatum,
        corrections = h.Corrections.Select(c => new
        {
            sequence = c.Sequence,
            kind = CorrectionKinds.Name(c.Kind),
            reason = CorrectionReasons.Name(c.Reason),
            note = c.Note,
            oldValue = c.Kind switch
            {
                CorrectionKind.Perceel => PerceelNames.DisplayName(c.PerceelBefore),
                CorrectionKind.Einddatum => c.EinddatumBefore.ToString("yyyy-MM-dd"),
                _ => null,
            },
            newValue = c.Kind switch
            {
                CorrectionKind.Perceel => PerceelNames.DisplayName(c.NewPerceel!.Value),
                CorrectionKind.Einddatum => c.NewEinddatum!.Value.ToString("yyyy-MM-dd"),
                _ => null,
            },
            by = c.Actor,
            at = c.At,
        }).ToList(),
    };
}
