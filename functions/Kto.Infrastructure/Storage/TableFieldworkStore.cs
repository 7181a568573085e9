using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The mail job's view of the services table, claims by ETag, and the attempts table (one row per attempt,
/// partitioned like the services so a report reads one partition per company and year).
/// </summary>
public sealed class TableFieldworkStore(TableServiceClient tables) : IFieldworkStore
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);
    private readonly TableClient attempts = tables.GetTableClient(StorageNames.AttemptsTable);

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return ToCandidate(company, year, e);
    }

    public async Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await services.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? ToCandidate(service.Company, service.Year, found.Value!) : null;
    }

    private static FieldworkCandidate ToCandidate(string company, int year, TableEntity e)
    {
        var claim = e.GetInt32(ServiceColumns.ClaimStep);
        var stepsSent = e.GetInt32(ServiceColumns.StepsSent) ?? 0;
        var deferrals = e.GetInt32(ServiceColumns.DeferralsStep) == stepsSent ? e.GetInt32(ServiceColumns.Deferrals) ?? 0 : 0;
        return new FieldworkCandidate(
                new ServiceRef(company, year, e.RowKey),
                Enum.Parse<Perceel>(e.GetString(ServiceColumns.Perceel)),
                new ContactState(
                    TableSurveyServiceStore.ServiceStatusOf(e),
                    e.GetBoolean(ServiceColumns.HasEmail) ?? false,
                    e.GetBoolean(ServiceColumns.EmailBounced) ?? false,
                    stepsSent,
                    e.GetDateTimeOffset(ServiceColumns.InvitedAt),
                    e.GetDateTimeOffset(ServiceColumns.RetryAfter),
                    deferrals),
                e.ETag.ToString(),
                claim is null or ServiceColumns.NoClaim ? null : claim,
                e.GetDateTimeOffset(ServiceColumns.ClaimUntil));
    }

    public async Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(TableKeys.CompanyYear(candidate.Ref.Company, candidate.Ref.Year), candidate.Ref.ServiceId)
        {
            [ServiceColumns.ClaimStep] = step.Number,
            [ServiceColumns.ClaimUntil] = until,
        };
        try
        {
            await services.UpdateEntityAsync(claim, new ETag(candidate.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await contacts.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var e = found.Value!;
        return new ContactDetails(e.GetString("Klantnummer"), e.GetString("Voornaam"), e.GetString("Voorletters"),
            e.GetString("Tussenvoegsel"), e.GetString("Achternaam"), e.GetString("Email"), e.GetString("Telefoon"),
            e.GetString("Adres"), e.GetString("Postcode"), e.GetString("Woonplaats"));
    }

    public async Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        var partition = TableKeys.CompanyYear(attempt.Service.Company, attempt.Service.Year);
        // The attempt first: if the run dies after it, the service keeps its claim and the next run records "unknown"
        // rather than mailing again. Row key = service, step and time, so a retry of this write changes nothing.
        await attempts.UpsertEntityAsync(AttemptEntity(attempt), TableUpdateMode.Replace, cancellationToken);

        var service = new TableEntity(partition, attempt.Service.ServiceId) { [ServiceColumns.ClaimStep] = ServiceColumns.NoClaim };
        if (update.StepsSent is { } steps) service[ServiceColumns.StepsSent] = steps;
        if (update.InvitedAt is { } invited) service[ServiceColumns.InvitedAt] = invited;
        if (update.EmailBounced is { } bounced) service[ServiceColumns.EmailBounced] = bounced;
        if (update.RetryAfter is { } retry) service[ServiceColumns.RetryAfter] = retry;
        if (update.Approached) service[ServiceColumns.Approached] = true;
        if (update.Deferrals is { } deferrals)
        {
            service[ServiceColumns.Deferrals] = deferrals;
            service[ServiceColumns.DeferralsStep] = attempt.Step.Number;
        }
        await services.UpdateEntityAsync(service, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The attempts row of one attempt (public so bulk loaders write exactly what the store writes).</summary>
    public static TableEntity AttemptEntity(ContactAttempt attempt) =>
        new(TableKeys.CompanyYear(attempt.Service.Company, attempt.Service.Year), $"{attempt.Service.ServiceId}_{attempt.Step.Number}_{attempt.At.UtcTicks:D19}")
        {
            ["ServiceId"] = attempt.Service.ServiceId,
            ["Step"] = attempt.Step.Number,
            ["Mode"] = attempt.Mode,
            ["At"] = attempt.At,
            ["Outcome"] = attempt.Outcome,
            ["SmtpCode"] = attempt.SmtpCode,
            ["Error"] = attempt.Error,
        };

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in attempts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return new ContactAttempt(new ServiceRef(company, year, e.GetString("ServiceId")),
                new ContactStep(e.GetInt32("Step") ?? 0), e.GetString("Mode"), e.GetDateTimeOffset("At") ?? default,
                e.GetString("Outcome"), e.GetInt32("SmtpCode"), e.GetString("Error"));
    }
}
