namespace Kto.Infrastructure.Storage;

/// <summary>Column names of the services and contacts tables, shared by every reader and writer.</summary>
public static class ServiceColumns
{
    public const string Perceel = "Perceel";
    public const string Einddatum = "Einddatum";
    public const string Startdatum = "Startdatum";
    public const string RedenBeeindiging = "RedenBeeindiging";
    public const string Opdrachtgever = "Opdrachtgever";
    public const string DeliveryId = "DeliveryId";
    public const string ReceivedAt = "ReceivedAt";
    public const string HasEmail = "HasEmail";
    public const string Approached = "Approached";
    public const string Responded = "Responded";
    public const string Grade = "Grade";
    public const string Status = "Status";
    public const string StepsSent = "StepsSent";
    public const string InvitedAt = "InvitedAt";
    public const string EmailBounced = "EmailBounced";
    public const string RetryAfter = "RetryAfter";
    public const string ClaimStep = "ClaimStep";
    /// <summary>Deferred attempts of step <see cref="DeferralsStep"/>: a count that belongs to an earlier step no longer counts.</summary>
    public const string Deferrals = "Deferrals";
    public const string DeferralsStep = "DeferralsStep";
    public const string ClaimUntil = "ClaimUntil";

    /// <summary>
    /// What the row knows of rows elsewhere, so the questionnaire page reads one service row and no more: false as
    /// ingest writes a row, set true (a merge, never set back) just before the service's first correction
    /// (<see cref="MayHaveCorrections"/>) or response (<see cref="MayHaveResponse"/>) is added. A row written before
    /// these columns existed lacks them and reads as "may have": the page then reads corrections and response as before.
    /// </summary>
    public const string MayHaveCorrections = "MayHaveCorrections";

    /// <inheritdoc cref="MayHaveCorrections"/>
    public const string MayHaveResponse = "MayHaveResponse";

    /// <summary>Stored in <see cref="ClaimStep"/> when no run holds a claim (a merge cannot remove a column).</summary>
    public const int NoClaim = -1;
}
