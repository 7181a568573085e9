using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Forecast;

/// <summary>What the forecast needs of one ended service: no contact data, only its route and its history.</summary>
/// <param name="Attempts">Its contact attempts, any order.</param>
/// <param name="RespondedAt">When its answers came in; null when it has not answered.</param>
/// <param name="Grade">The rapportcijfer it gave, when it answered and gave one.</param>
public sealed record ForecastClient(
    string ServiceId,
    Perceel Perceel,
    DateOnly Einddatum,
    ForecastRoute Route,
    ContactState State,
    IReadOnlyList<ContactAttempt> Attempts,
    DateTimeOffset? RespondedAt = null,
    ResponseMode? RespondedBy = null,
    int? Grade = null)
{
    public bool Responded => RespondedAt is not null;

    /// <summary>Still to be approached: no answer, no opt-out.</summary>
    public bool IsOpen => !Responded && State.Status == ServiceStatus.Open;
}
