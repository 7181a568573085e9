using System.Runtime.CompilerServices;
using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>
/// Answers of clients and of opdrachtgevers each in their own store, chosen by the id; a year's list is both (the call
/// list leaves off whoever answered). The figures never read through this view: they count the two apart.
/// </summary>
public sealed class AudienceResponseStore(IResponseStore clients, IResponseStore opdrachtgevers) : IResponseStore
{
    public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) =>
        For(response.Service).TryAddAsync(response, cancellationToken);

    public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).FindAsync(service, cancellationToken);

    public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var response in clients.ForYearAsync(company, year, cancellationToken)) yield return response;
        await foreach (var response in opdrachtgevers.ForYearAsync(company, year, cancellationToken)) yield return response;
    }

    private IResponseStore For(ServiceRef service) => OpdrachtgeverIds.IsOpdrachtgever(service.ServiceId) ? opdrachtgevers : clients;
}
