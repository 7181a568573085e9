using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>The questionnaire page's view of a link's service: a client's service or an opdrachtgever, by its id.</summary>
public sealed class AudienceSurveyServiceStore(ISurveyServiceStore clients, ISurveyServiceStore opdrachtgevers) : ISurveyServiceStore
{
    public Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).GetAsync(service, cancellationToken);

    public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) =>
        For(service).MarkRespondedAsync(service, grade, cancellationToken);

    public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).MarkOptedOutAsync(service, cancellationToken);

    private ISurveyServiceStore For(ServiceRef service) => OpdrachtgeverIds.IsOpdrachtgever(service.ServiceId) ? opdrachtgevers : clients;
}
