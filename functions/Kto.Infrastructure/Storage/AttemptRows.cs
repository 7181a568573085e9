using System.Globalization;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the attempts table: one row per attempt, partitioned like the services so a report reads one
/// partition per company and year. Row key = service, step and time, so writing the same attempt again changes nothing.
/// </summary>
public static class AttemptRows
{
    public const string ServiceId = "ServiceId";
    public const string Step = "Step";
    public const string Mode = "Mode";
    public const string At = "At";
    public const string Outcome = "Outcome";
    public const string SmtpCode = "SmtpCode";
    public const string Error = "Error";
    public const string By = "By";
    public const string CallBackAt = "CallBackAt";

    /// <summary>
    /// What the counters of a population read (<see cref="TableFieldworkStore.AttemptsToCountAsync"/>): mode, time and
    /// outcome, and the row key, which holds the service and the step of every row <see cref="Write"/> and
    /// <see cref="WriteOnce"/> give (<see cref="Read"/> takes them from it), so the largest partition a report reads
    /// is not sent with the service id and step twice.
    /// </summary>
    public static readonly IReadOnlyList<string> CountedColumns = ["RowKey", Mode, At, Outcome];

    /// <summary>The row of one attempt (public so bulk loaders write exactly what the store writes).</summary>
    public static TableEntity Write(ContactAttempt attempt) =>
        new(TableKeys.CompanyYear(attempt.Service.Company, attempt.Service.Year), $"{attempt.Service.ServiceId}_{attempt.Step.Number}_{attempt.At.UtcTicks:D19}")
        {
            [ServiceId] = attempt.Service.ServiceId,
            [Step] = attempt.Step.Number,
            [Mode] = ContactModes.Name(attempt.Mode),
            [At] = attempt.At,
            [Outcome] = AttemptOutcomes.Name(attempt.Outcome),
            [SmtpCode] = attempt.SmtpCode,
            [Error] = attempt.Error,
            [By] = attempt.By,
            [CallBackAt] = attempt.CallBackAt,
        };

    /// <summary>
    /// The row of an attempt recorded by hand, keyed by service, step, mode and outcome instead of time: written
    /// create-only, the same record twice (a double click, on any instance) is one row.
    /// </summary>
    public static TableEntity WriteOnce(ContactAttempt attempt)
    {
        var row = Write(attempt);
        row.RowKey = $"{attempt.Service.ServiceId}_{attempt.Step.Number}_{ContactModes.Name(attempt.Mode)}-{AttemptOutcomes.Name(attempt.Outcome)}";
        return row;
    }

    /// <summary>The row-key range of one service's attempts (every key starts with the service id and '_'; '`' follows '_').</summary>
    public static string ServiceFilter(ServiceRef service) =>
        $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(service.Company, service.Year))} and RowKey ge {TableKeys.Quote(service.ServiceId + "_")} and RowKey lt {TableKeys.Quote(service.ServiceId + "`")}";

    /// <summary>
    /// Service and step from their columns, else (a counted read, <see cref="CountedColumns"/>, or a row from before those
    /// columns) from the row key.
    /// </summary>
    public static ContactAttempt Read(string company, int year, TableEntity e)
    {
        var (serviceId, step) = (e.GetString(ServiceId), e.GetInt32(Step));
        if (serviceId is null || step is null)
        {
            var key = KeyParts(e.RowKey);
            (serviceId, step) = (serviceId ?? key.ServiceId, step ?? key.Step);
        }
        return new(new ServiceRef(company, year, serviceId),
            new ContactStep(step.Value),
            ContactModes.Parse(e.GetString(Mode)) ?? throw Unreadable(e, Mode),
            e.GetDateTimeOffset(At) ?? default,
            AttemptOutcomes.Parse(e.GetString(Outcome)) ?? throw Unreadable(e, Outcome),
            e.GetInt32(SmtpCode), e.GetString(Error), e.GetString(By), e.GetDateTimeOffset(CallBackAt));
    }

    /// <summary>
    /// Service id and step of a row key <c>{service}_{step}_{ticks}</c> (<see cref="Write"/>) or
    /// <c>{service}_{step}_{mode}-{outcome}</c> (<see cref="WriteOnce"/>), taken from the end: the last part has no '_'
    /// (digits, or names with '-'), so a service id with '_' in it still reads whole. A key of another shape (not
    /// written by this code): its first part and step 0.
    /// </summary>
    private static (string ServiceId, int Step) KeyParts(string rowKey)
    {
        var last = rowKey.LastIndexOf('_');
        var beforeStep = last > 0 ? rowKey.LastIndexOf('_', last - 1) : -1;
        return beforeStep > 0 && int.TryParse(rowKey.AsSpan(beforeStep + 1, last - beforeStep - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            ? (rowKey[..beforeStep], step)
            : (rowKey.Split('_')[0], 0);
    }

    /// <summary>Only <see cref="Write"/> writes these rows: a name it never writes is a damaged row, not a new kind of attempt.</summary>
    private static InvalidDataException Unreadable(TableEntity e, string column) =>
        new($"Attempts row {e.PartitionKey}/{e.RowKey}: '{e.GetString(column)}' in {column} is not a known name.");
}
