using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>A service the mail job may act on, with the version it read (for optimistic concurrency).</summary>
/// <param name="Version">Opaque version (an ETag): a claim succeeds only if nobody changed the service since.</param>
/// <param name="ClaimedStep">A step some run claimed and did not record (yet).</param>
public sealed record FieldworkCandidate(
    ServiceRef Ref,
    Perceel Perceel,
    ContactState State,
    string Version,
    int? ClaimedStep,
    DateTimeOffset? ClaimedUntil,
    SurveyAudience Audience = SurveyAudience.Client);
