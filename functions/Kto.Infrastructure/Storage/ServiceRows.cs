using System.Globalization;
using Kto.Core;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the services table: the row a delivery adds, the merges that move a service on, the reading
/// of a row into <see cref="ServiceRow"/>, and the column sets of the readers that need fewer columns
/// (<c>select:</c> keeps Table storage from sending the rest). Column names are <see cref="ServiceColumns"/>.
/// </summary>
public static class ServiceRows
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>What the report reads: no contact data, no fieldwork state.</summary>
    public static readonly IReadOnlyList<string> ReportColumns = ["RowKey", ServiceColumns.Perceel, ServiceColumns.Einddatum, ServiceColumns.RedenBeeindiging];

    /// <summary>What the population read needs (<see cref="TablePopulationSource"/>): the report's columns and the contact state.</summary>
    public static readonly IReadOnlyList<string> PopulationColumns =
    [
        .. ReportColumns, ServiceColumns.Status, ServiceColumns.Responded, ServiceColumns.HasEmail, ServiceColumns.EmailBounced,
        ServiceColumns.StepsSent, ServiceColumns.InvitedAt, ServiceColumns.RetryAfter, ServiceColumns.Deferrals, ServiceColumns.DeferralsStep,
    ];

    /// <summary>What a questionnaire page reads of its service (<see cref="TableSurveyServiceStore"/>): its state and its marks.</summary>
    public static readonly IReadOnlyList<string> SurveyColumns =
    [
        ServiceColumns.Perceel, ServiceColumns.Einddatum, ServiceColumns.Status, ServiceColumns.Responded,
        ServiceColumns.MayHaveCorrections, ServiceColumns.MayHaveResponse,
    ];

    /// <summary>What ingest reads to know which services a company delivered before, and in which delivery.</summary>
    public static readonly IReadOnlyList<string> KnownColumns = ["RowKey", ServiceColumns.DeliveryId];

    public static string Partition(ServiceRef service) => TableKeys.CompanyYear(service.Company, service.Year);

    /// <summary>The row of a newly delivered service (public so bulk loaders write exactly what ingest writes).</summary>
    public static TableEntity New(string partition, NewService s) => new(partition, s.Id)
    {
        [ServiceColumns.Perceel] = s.Service.Perceel.ToString(),
        [ServiceColumns.Einddatum] = s.Service.Einddatum.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ServiceColumns.Startdatum] = s.Service.Startdatum?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ServiceColumns.RedenBeeindiging] = s.Service.RedenBeeindiging,
        [ServiceColumns.Opdrachtgever] = s.Service.Opdrachtgever,
        [ServiceColumns.DeliveryId] = s.DeliveryId,
        [ServiceColumns.ReceivedAt] = s.ReceivedAt,
        [ServiceColumns.HasEmail] = !string.IsNullOrEmpty(s.Service.Email),
        [ServiceColumns.MayHaveCorrections] = false,
        [ServiceColumns.MayHaveResponse] = false,
    };

    /// <summary>A merge that claims <paramref name="step"/> for a run until <paramref name="until"/>.</summary>
    public static TableEntity Claim(ServiceRef service, int step, DateTimeOffset until) => new(Partition(service), service.ServiceId)
    {
        [ServiceColumns.ClaimStep] = step,
        [ServiceColumns.ClaimUntil] = until,
    };

    /// <summary>A merge that applies a recorded attempt's update and clears the claim; null fields stay as they are.</summary>
    public static TableEntity Recorded(ServiceRef service, ContactStep step, ContactUpdate update)
    {
        var row = new TableEntity(Partition(service), service.ServiceId) { [ServiceColumns.ClaimStep] = ServiceColumns.NoClaim };
        if (update.StepsSent is { } steps) row[ServiceColumns.StepsSent] = steps;
        if (update.InvitedAt is { } invited) row[ServiceColumns.InvitedAt] = invited;
        if (update.EmailBounced is { } bounced) row[ServiceColumns.EmailBounced] = bounced;
        if (update.RetryAfter is { } retry) row[ServiceColumns.RetryAfter] = retry;
        if (update.Approached) row[ServiceColumns.Approached] = true;
        if (update.Deferrals is { } deferrals)
        {
            row[ServiceColumns.Deferrals] = deferrals;
            row[ServiceColumns.DeferralsStep] = step.Number;
        }
        return row;
    }

    public static TableEntity Responded(ServiceRef service, int? grade) => new(Partition(service), service.ServiceId)
    {
        [ServiceColumns.Responded] = true,
        [ServiceColumns.Status] = ServiceStatus.Responded.ToString(),
        [ServiceColumns.Grade] = grade,
    };

    /// <summary>The merge made just before a correction of the service is added (<see cref="ServiceColumns.MayHaveCorrections"/>).</summary>
    public static TableEntity CorrectionComing(ServiceRef service) => new(Partition(service), service.ServiceId)
    {
        [ServiceColumns.MayHaveCorrections] = true,
    };

    /// <summary>The merge made just before a response of the service is added (<see cref="ServiceColumns.MayHaveResponse"/>); also on an opdrachtgever's row.</summary>
    public static TableEntity ResponseComing(ServiceRef service) => new(Partition(service), service.ServiceId)
    {
        [ServiceColumns.MayHaveResponse] = true,
    };

    public static TableEntity OptedOut(ServiceRef service) => new(Partition(service), service.ServiceId)
    {
        [ServiceColumns.Status] = ServiceStatus.OptedOut.ToString(),
    };

    /// <summary>What the contact rules need of a row (<see cref="ContactState"/>).</summary>
    public static ContactState StateOf(ServiceRow row) =>
        new(row.Status, row.HasEmail, row.EmailBounced, row.StepsSent, row.InvitedAt, row.RetryAfter, row.Deferrals);

    /// <summary>Reads whatever columns the row has; a missing or unreadable one gets its default.</summary>
    public static ServiceRow Read(TableEntity e)
    {
        var stepsSent = e.GetInt32(ServiceColumns.StepsSent) ?? 0;
        var claim = e.GetInt32(ServiceColumns.ClaimStep);
        var responded = e.GetBoolean(ServiceColumns.Responded) ?? false;
        return new ServiceRow(
            e.RowKey,
            Enum.TryParse<Perceel>(e.GetString(ServiceColumns.Perceel), out var perceel) && Enum.IsDefined(perceel) ? perceel : null,
            DateOf(e.GetString(ServiceColumns.Einddatum)),
            DateOf(e.GetString(ServiceColumns.Startdatum)),
            e.GetString(ServiceColumns.RedenBeeindiging),
            e.GetString(ServiceColumns.Opdrachtgever),
            e.GetString(ServiceColumns.DeliveryId),
            e.GetDateTimeOffset(ServiceColumns.ReceivedAt),
            e.GetBoolean(ServiceColumns.HasEmail) ?? false,
            e.GetBoolean(ServiceColumns.Approached) ?? false,
            responded,
            e.GetInt32(ServiceColumns.Grade),
            // Responded wins over opted out: a client who answered and then opted out still counts as a response.
            responded ? ServiceStatus.Responded
                : Enum.TryParse<ServiceStatus>(e.GetString(ServiceColumns.Status), out var status) ? status : ServiceStatus.Open,
            stepsSent,
            e.GetDateTimeOffset(ServiceColumns.InvitedAt),
            e.GetBoolean(ServiceColumns.EmailBounced) ?? false,
            e.GetDateTimeOffset(ServiceColumns.RetryAfter),
            e.GetInt32(ServiceColumns.DeferralsStep) == stepsSent ? e.GetInt32(ServiceColumns.Deferrals) ?? 0 : 0,
            claim is null or ServiceColumns.NoClaim ? null : claim,
            e.GetDateTimeOffset(ServiceColumns.ClaimUntil),
            e.ETag.ToString(),
            e.GetBoolean(ServiceColumns.MayHaveCorrections) ?? true,
            e.GetBoolean(ServiceColumns.MayHaveResponse) ?? true);
    }

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) ? date
        : null;
}
