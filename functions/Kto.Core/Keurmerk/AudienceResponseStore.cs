using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>Answers of clients and of opdrachtgevers each in their own store, chosen by the id; a year's list is the clients'.</summary>
public sealed class AudienceResponseStore(IResponseStore clients, IResponseStore opdrachtgevers) : IResponseStore
{
    public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) =>
        For(response.Service).TryAddAsync(response, cancellationToken);

    public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).FindAsync(service, cancellationToken);

    public IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        clients.ForYearAsync(company, year, cancellationToken);

    private IResponseStore For(ServiceRef service) => OpdrachtgeverIds.IsOpdrachtgever(service.ServiceId) ? opdrachtgevers : clients;
}
