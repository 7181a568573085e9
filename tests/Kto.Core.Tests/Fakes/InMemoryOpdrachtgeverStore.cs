using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>Opdrachtgevers, their attempts and answers in memory, insert-only like the table store.</summary>
public sealed class InMemoryOpdrachtgeverStore : IOpdrachtgeverStore
{
    public Dictionary<(string Company, int Year, string Id), NewOpdrachtgever> Stored { get; } = new();
    public List<ContactAttempt> Attempts { get; } = [];
    public List<StoredResponse> Responses { get; } = [];
    public int Inserts { get; private set; }

    public Task<IReadOnlyDictionary<string, string>> KnownAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Stored.Where(s => s.Key.Company == company && s.Key.Year == year)
            .ToDictionary(s => s.Key.Id, s => s.Value.DeliveryId));

    public Task InsertAsync(string company, int year, IReadOnlyList<NewOpdrachtgever> opdrachtgevers, CancellationToken cancellationToken)
    {
        Inserts++;
        foreach (var o in opdrachtgevers) Stored.TryAdd((company, year, o.Opdrachtgever.Id), o);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<OpdrachtgeverEntry> ListAsync(string company, int year, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var s in Stored.Where(s => s.Key.Company == company && s.Key.Year == year))
            yield return new OpdrachtgeverEntry(s.Key.Id, s.Value.Opdrachtgever.AantalTrajecten);
    }

    public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) =>
        Attempts.Where(a => a.Service.Company == company && a.Service.Year == year).ToAsyncEnumerable();

    public IAsyncEnumerable<StoredResponse> ResponsesAsync(string company, int year, CancellationToken cancellationToken) =>
        Responses.Where(r => r.Service.Company == company && r.Service.Year == year).ToAsyncEnumerable();
}
