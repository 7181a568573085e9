using System.Globalization;
using Kto.Core;
using Kto.Core.Population;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the corrections table: one row per change the bureau made to a delivered service, partitioned
/// like the services (<c>{company}_{year}</c>), row key <c>{service}_{sequence:D4}</c> so a service's corrections
/// sort in order and two corrections can never take the same number. Rows are inserted, never changed, except that
/// retention empties the note (<see cref="NoteCleared"/>).
/// </summary>
public static class CorrectionRows
{
    public const string ServiceId = "ServiceId";
    public const string Sequence = "Sequence";
    public const string Kind = "Kind";
    public const string Reason = "Reason";
    public const string Note = "Note";
    public const string OldPerceel = "OldPerceel";
    public const string OldEinddatum = "OldEinddatum";
    public const string NewPerceel = "NewPerceel";
    public const string NewEinddatum = "NewEinddatum";
    public const string CorrectedId = "CorrectedId";
    public const string Actor = "Actor";
    public const string At = "At";

    private const string DateFormat = "yyyy-MM-dd";

    public static string RowKey(string serviceId, int sequence) => $"{serviceId}_{sequence:D4}";

    /// <summary>The filter for every correction of one service: its row keys start with the id and an underscore.</summary>
    public static string ServiceFilter(ServiceRef service) =>
        $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(service.Company, service.Year))} " +
        $"and RowKey ge {TableKeys.Quote(service.ServiceId + "_")} and RowKey lt {TableKeys.Quote(service.ServiceId + "`")}";

    public static TableEntity Write(ServiceCorrection c) => new(TableKeys.CompanyYear(c.Service.Company, c.Service.Year), RowKey(c.Service.ServiceId, c.Sequence))
    {
        [ServiceId] = c.Service.ServiceId,
        [Sequence] = c.Sequence,
        [Kind] = CorrectionKinds.Name(c.Kind),
        [Reason] = CorrectionReasons.Name(c.Reason),
        [Note] = c.Note,
        [OldPerceel] = c.PerceelBefore.ToString(),
        [OldEinddatum] = c.EinddatumBefore.ToString(DateFormat, CultureInfo.InvariantCulture),
        [NewPerceel] = c.NewPerceel?.ToString(),
        [NewEinddatum] = c.NewEinddatum?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [CorrectedId] = c.CorrectedId,
        [Actor] = c.Actor,
        [At] = c.At,
    };

    /// <summary>
    /// The one change a correction row ever gets: retention empties the bureau's note together with the year's
    /// contact data, since a note may name the client. The change itself (kind, reason, values, who, when) stays.
    /// </summary>
    public static TableEntity NoteCleared(string partition, string rowKey) => new(partition, rowKey) { [Note] = "" };

    /// <summary>A row this code did not write (unknown kind, reason or perceel) reads as null: readers skip it.</summary>
    public static ServiceCorrection? Read(string company, int year, TableEntity e)
    {
        if (CorrectionKinds.Parse(e.GetString(Kind)) is not { } kind
            || CorrectionReasons.Parse(e.GetString(Reason)) is not { } reason
            || PerceelOf(e.GetString(OldPerceel)) is not { } before
            || DateOf(e.GetString(OldEinddatum)) is not { } einddatumBefore)
            return null;
        return new ServiceCorrection(
            new ServiceRef(company, year, e.GetString(ServiceId) ?? e.RowKey[..e.RowKey.LastIndexOf('_')]),
            e.GetInt32(Sequence) ?? 0,
            kind,
            reason,
            e.GetString(Note) is { Length: > 0 } note ? note : null,
            before,
            einddatumBefore,
            PerceelOf(e.GetString(NewPerceel)),
            DateOf(e.GetString(NewEinddatum)),
            e.GetString(CorrectedId),
            e.GetString(Actor) ?? "",
            e.GetDateTimeOffset(At) ?? e.Timestamp ?? DateTimeOffset.MinValue);
    }

    private static Perceel? PerceelOf(string? text) =>
        Enum.TryParse<Perceel>(text, out var perceel) && Enum.IsDefined(perceel) ? perceel : null;

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
