using System.Globalization;
using Kto.Core.Accounts;
using Kto.Core.Deliveries;
using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>
/// The bureau withdraws a delivered service or corrects its perceel or end date. Each change is a new fact (a
/// correction), never a rewrite of the service; readers apply them (<see cref="PopulationCorrections"/>). Every change
/// goes to the audit log with who made it. Only the bureau reaches this (the edges check that).
/// </summary>
public sealed class PopulationCorrectionService(ICorrectionStore store, IAuditLog audit, TimeProvider time)
{
    public const int MaxNoteLength = 500;

    /// <summary>Corrections of one service that raced each other: read again and take the next number, a few times.</summary>
    private const int MaxTries = 5;

    public async Task<ServiceHistory?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        if (!IsServiceId(service.ServiceId)) return null;
        var delivered = await store.GetServiceAsync(service, cancellationToken);
        return delivered is null ? null : History(delivered, await store.ForServiceAsync(service, cancellationToken));
    }

    /// <summary>The services of a company and year with their corrections; <paramref name="klantnummer"/> narrows to one client (case and spaces ignored).</summary>
    public async Task<IReadOnlyList<ServiceHistory>> ListAsync(string company, int year, string? klantnummer, CancellationToken cancellationToken)
    {
        var wanted = Normal(klantnummer);
        var corrections = await PopulationCorrections.ByServiceAsync(store, company, year, cancellationToken);
        var list = new List<ServiceHistory>();
        await foreach (var s in store.ServicesAsync(company, year, cancellationToken))
        {
            if (wanted.Length > 0 && Normal(s.Klantnummer) != wanted) continue;
            list.Add(History(s, corrections.GetValueOrDefault(s.Ref.ServiceId) ?? []));
        }
        return list.OrderBy(h => h.Delivered.Klantnummer, StringComparer.Ordinal).ThenBy(h => h.Delivered.Einddatum).ToList();
    }

    public async Task<CorrectionResult> ApplyAsync(ServiceRef service, CorrectionRequest request, CancellationToken cancellationToken)
    {
        var kinds = new List<CorrectionKind>();
        if (request.Withdraw) kinds.Add(CorrectionKind.Withdrawn);
        else
        {
            if (!string.IsNullOrWhiteSpace(request.Perceel)) kinds.Add(CorrectionKind.Perceel);
            if (!string.IsNullOrWhiteSpace(request.Einddatum)) kinds.Add(CorrectionKind.Einddatum);
            if (kinds.Count == 0) return new CorrectionResult(CorrectionOutcome.NothingToCorrect);
        }
        if (CorrectionReasons.Parse(request.Reason) is not { } reason || !CorrectionReasons.AllowedFor(kinds[0]).Contains(reason))
            return new CorrectionResult(CorrectionOutcome.InvalidReason);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength }) return new CorrectionResult(CorrectionOutcome.NoteTooLong);

        Perceel? newPerceel = null;
        if (kinds.Contains(CorrectionKind.Perceel))
        {
            if (!PerceelNames.TryParse(request.Perceel, out var p)) return new CorrectionResult(CorrectionOutcome.UnknownPerceel);
            newPerceel = p;
        }
        DateOnly? newEinddatum = null;
        if (kinds.Contains(CorrectionKind.Einddatum))
        {
            if (ParseDate(request.Einddatum) is not { } d) return new CorrectionResult(CorrectionOutcome.InvalidDate);
            // The measurement year is the partition the service, its attempts and its responses live in; another year
            // is another population, which the company delivers (README: a corrected end date stays in its year).
            if (d.Year != service.Year) return new CorrectionResult(CorrectionOutcome.OtherYear);
            if (d > DutchTime.Today(time)) return new CorrectionResult(CorrectionOutcome.InFuture);
            newEinddatum = d;
        }

        if (!IsServiceId(service.ServiceId)) return new CorrectionResult(CorrectionOutcome.UnknownService);
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var delivered = await store.GetServiceAsync(service, cancellationToken);
            if (delivered is null) return new CorrectionResult(CorrectionOutcome.UnknownService);
            var existing = await store.ForServiceAsync(service, cancellationToken);
            var current = PopulationCorrections.Apply(delivered.Perceel, delivered.Einddatum, existing);
            // A repeat of the change already made (a double click, a retry, the loser of two at once) answers what
            // the first did and writes nothing; any other change of a withdrawn or unchanged service is refused.
            if (IsRepeat(existing, kinds, reason, note, newPerceel, newEinddatum))
                return new CorrectionResult(CorrectionOutcome.Done, History(delivered, existing));
            if (current.Withdrawn) return new CorrectionResult(CorrectionOutcome.AlreadyWithdrawn, History(delivered, existing));
            if ((newPerceel ?? current.Perceel) == current.Perceel && (newEinddatum ?? current.Einddatum) == current.Einddatum && !request.Withdraw)
                return new CorrectionResult(CorrectionOutcome.NoChange, History(delivered, existing));

            var at = time.GetUtcNow();
            var made = new List<ServiceCorrection>();
            var sequence = existing.Count == 0 ? 0 : existing.Max(c => c.Sequence);
            var state = current;
            foreach (var kind in kinds)
            {
                var next = kind switch
                {
                    CorrectionKind.Perceel => state with { Perceel = newPerceel!.Value },
                    CorrectionKind.Einddatum => state with { Einddatum = newEinddatum!.Value },
                    _ => state with { Withdrawn = true },
                };
                if (kind != CorrectionKind.Withdrawn && next == state) continue; // one of two values unchanged
                made.Add(new ServiceCorrection(service, ++sequence, kind, reason, note, state.Perceel, state.Einddatum,
                    kind == CorrectionKind.Perceel ? next.Perceel : null,
                    kind == CorrectionKind.Einddatum ? next.Einddatum : null,
                    kind == CorrectionKind.Withdrawn || delivered.Klantnummer is null ? null
                        : new ServiceKey(delivered.Klantnummer, next.Perceel, next.Einddatum).Id(),
                    request.Actor, at));
                state = next;
            }

            var raced = false;
            foreach (var correction in made)
            {
                if (await store.TryAddAsync(correction, cancellationToken)) continue;
                raced = true;
                break;
            }
            if (raced) continue;

            foreach (var correction in made)
                await audit.WriteAsync(AuditEntryFor(correction), cancellationToken);
            return new CorrectionResult(CorrectionOutcome.Done, History(delivered, [.. existing, .. made]));
        }
        throw new InvalidOperationException("The service kept being corrected by others while this correction was made.");
    }

    /// <summary>
    /// The service's latest correction of each asked kind is this one (same new value, reason and note), and nothing
    /// else followed it: the change asked for is the change already made.
    /// </summary>
    private static bool IsRepeat(IReadOnlyList<ServiceCorrection> existing, List<CorrectionKind> kinds, CorrectionReason reason, string? note,
        Perceel? newPerceel, DateOnly? newEinddatum)
    {
        if (existing.Count == 0) return false;
        var latest = existing.OrderByDescending(c => c.Sequence).Take(kinds.Count).ToList();
        return latest.Count == kinds.Count && kinds.All(kind => latest.Any(c =>
            c.Kind == kind && c.Reason == reason && c.Note == note &&
            (kind != CorrectionKind.Perceel || c.NewPerceel == newPerceel) &&
            (kind != CorrectionKind.Einddatum || c.NewEinddatum == newEinddatum)));
    }

    /// <summary>The audit line: which service, what changed and why; no klantnummer and no note (they may be personal).</summary>
    public static AuditEntry AuditEntryFor(ServiceCorrection c)
    {
        var what = c.Kind switch
        {
            CorrectionKind.Withdrawn => "ingetrokken",
            CorrectionKind.Perceel => $"perceel {PerceelNames.DisplayName(c.PerceelBefore)} → {PerceelNames.DisplayName(c.NewPerceel!.Value)}",
            _ => $"einddatum {c.EinddatumBefore:yyyy-MM-dd} → {c.NewEinddatum:yyyy-MM-dd}",
        };
        return new AuditEntry(c.At, c.Actor, c.Kind == CorrectionKind.Withdrawn ? AuditActions.ServiceWithdrawn : AuditActions.ServiceCorrected,
            c.Service.Company, $"Dienst {c.Service.ServiceId} ({c.Service.Year}) {what}: {CorrectionReasons.DutchLabel(c.Reason)}");
    }

    private static ServiceHistory History(DeliveredService delivered, IReadOnlyList<ServiceCorrection> corrections)
    {
        var ordered = corrections.OrderBy(c => c.Sequence).ToList();
        return new ServiceHistory(delivered, PopulationCorrections.Apply(delivered.Perceel, delivered.Einddatum, ordered), ordered);
    }

    /// <summary>The shape <see cref="ServiceKey.Id"/> gives (32 lower-case hex digits); anything else is no service and never reaches storage.</summary>
    public static bool IsServiceId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string Normal(string? klantnummer) => (klantnummer ?? "").Replace(" ", "").Trim().ToUpperInvariant();

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
