using Kto.Core;
using Kto.Core.Population;
using Kto.Core.Portal;

namespace Kto.Functions.Population;

/// <summary>How the API and the portal answer each <see cref="CorrectionOutcome"/>: status, error code and the Dutch text (its values apart, so a page writes it in its language).</summary>
public static class CorrectionAnswers
{
    public static (int Status, string Code, PageText Message) For(CorrectionOutcome outcome, bool withdraw) => outcome switch
    {
        CorrectionOutcome.UnknownService => (StatusCodes.Status404NotFound, "unknown-service", "Deze dienst bestaat niet in dit jaar bij dit bedrijf."),
        CorrectionOutcome.AlreadyWithdrawn => (StatusCodes.Status409Conflict, "already-withdrawn", "Deze dienst is al ingetrokken; er valt niets meer aan te veranderen."),
        CorrectionOutcome.InvalidReason => (StatusCodes.Status400BadRequest, "invalid-reason",
            new PageText("Kies als reden een van: {0}.", string.Join(", ", CorrectionReasons.AllowedFor(withdraw ? CorrectionKind.Withdrawn : CorrectionKind.Perceel).Select(CorrectionReasons.Name)))),
        CorrectionOutcome.NoteTooLong => (StatusCodes.Status400BadRequest, "note-too-long", new PageText("De toelichting mag hoogstens {0} tekens lang zijn.", PopulationCorrectionService.MaxNoteLength)),
        CorrectionOutcome.NothingToCorrect => (StatusCodes.Status400BadRequest, "nothing-to-correct", "Geef een nieuw perceel of een nieuwe einddatum."),
        CorrectionOutcome.UnknownPerceel => (StatusCodes.Status400BadRequest, "unknown-perceel",
            new PageText("Kies als perceel een van: {0}.", string.Join(", ", PerceelNames.All.Select(PerceelNames.DisplayName)))),
        CorrectionOutcome.InvalidDate => (StatusCodes.Status400BadRequest, "invalid-date", "Geef de einddatum als 2026-03-31."),
        CorrectionOutcome.OtherYear => (StatusCodes.Status400BadRequest, "einddatum-other-year",
            "Een einddatum in een ander meetjaar kan niet: trek de dienst in (reden not-ended als hij nog niet beëindigd was) en laat het bedrijf hem leveren in het jaar waarin hij eindigde."),
        CorrectionOutcome.InFuture => (StatusCodes.Status400BadRequest, "einddatum-in-future",
            "Deze einddatum ligt na vandaag: de dienst is dan niet beëindigd. Trek hem in met reden not-ended."),
        CorrectionOutcome.NoChange => (StatusCodes.Status409Conflict, "no-change", "De dienst heeft dit perceel en deze einddatum al."),
        _ => (StatusCodes.Status200OK, "", ""),
    };
}
