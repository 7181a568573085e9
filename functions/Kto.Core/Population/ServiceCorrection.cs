using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>
/// One change the bureau made to a delivered service, kept as a fact of its own: the service row is never
/// rewritten, so a re-delivery or a re-run cannot undo it. Corrections of one service apply in <see cref="Sequence"/> order.
/// </summary>
/// <param name="Sequence">1, 2, 3… per service; storage refuses a second correction with the same number.</param>
/// <param name="PerceelBefore">The perceel the service counted in just before this change (the report counts the change there).</param>
/// <param name="EinddatumBefore">The end date the service had just before this change.</param>
/// <param name="NewPerceel">Set for a perceel correction.</param>
/// <param name="NewEinddatum">Set for an end date correction.</param>
/// <param name="CorrectedId">
/// The service id the corrected values give (<see cref="Deliveries.ServiceKey.Id"/>): a row delivered again with the
/// corrected values is this same service, never a second one. Null for a withdrawal, or when the klantnummer was gone.
/// </param>
/// <param name="Note">The bureau's own words; shown to the bureau only, never in a report.</param>
/// <param name="Actor">Who made the change: a portal user's e-mail address, or <c>bureau-key</c>.</param>
public sealed record ServiceCorrection(
    ServiceRef Service,
    int Sequence,
    CorrectionKind Kind,
    CorrectionReason Reason,
    string? Note,
    Perceel PerceelBefore,
    DateOnly EinddatumBefore,
    Perceel? NewPerceel,
    DateOnly? NewEinddatum,
    string? CorrectedId,
    string Actor,
    DateTimeOffset At);
