using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>
/// The questionnaire's view of a service with the bureau's corrections applied: a withdrawn service's link opens
/// the neutral page of an unknown link (it tells nobody why), a corrected perceel is the one its answer is stored with.
/// The corrections are read only for a service whose row says it may have some: most never do.
/// </summary>
public sealed class CorrectedSurveyServiceStore(ISurveyServiceStore inner, ICorrectionStore corrections) : ISurveyServiceStore
{
    public async Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var snapshot = await inner.GetAsync(service, cancellationToken);
        if (snapshot is null || !snapshot.MayHaveCorrections) return snapshot;
        var list = await corrections.ForServiceAsync(service, cancellationToken);
        if (list.Count == 0) return snapshot;
        var corrected = PopulationCorrections.Apply(snapshot.Perceel, snapshot.Einddatum, list);
        return corrected.Withdrawn ? null : snapshot with { Perceel = corrected.Perceel, Einddatum = corrected.Einddatum };
    }

    public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) =>
        inner.MarkRespondedAsync(service, grade, cancellationToken);

    public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) =>
        inner.MarkOptedOutAsync(service, cancellationToken);
}
