using Kto.Core;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// One row of the services table as every reader sees it (<see cref="ServiceRows"/> reads and writes it). A reader
/// that asked for fewer columns gets the defaults for the others; so does a row written before a column existed.
/// </summary>
/// <param name="Perceel">Null when the stored value is missing or not a perceel: readers skip such a row.</param>
/// <param name="Deferrals">Deferred attempts of the step that is due now (a count of an earlier step no longer counts).</param>
/// <param name="ClaimStep">The step a run claimed and did not record (yet); null when there is no claim.</param>
/// <param name="MayHaveCorrections">False only when the row says no correction was stored (<see cref="ServiceColumns.MayHaveCorrections"/>).</param>
/// <param name="MayHaveResponse">False only when the row says no response was stored (<see cref="ServiceColumns.MayHaveResponse"/>).</param>
/// <param name="Version">The row's ETag, for claims by optimistic concurrency.</param>
public sealed record ServiceRow(
    string Id,
    Perceel? Perceel,
    DateOnly? Einddatum,
    DateOnly? Startdatum = null,
    string? RedenBeeindiging = null,
    string? Opdrachtgever = null,
    string? DeliveryId = null,
    DateTimeOffset? ReceivedAt = null,
    bool HasEmail = false,
    bool Approached = false,
    bool Responded = false,
    int? Grade = null,
    ServiceStatus Status = ServiceStatus.Open,
    int StepsSent = 0,
    DateTimeOffset? InvitedAt = null,
    bool EmailBounced = false,
    DateTimeOffset? RetryAfter = null,
    int Deferrals = 0,
    int? ClaimStep = null,
    DateTimeOffset? ClaimUntil = null,
    string Version = "",
    bool MayHaveCorrections = true,
    bool MayHaveResponse = true);
