using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>
/// Where the opdrachtgevers of a company and year live (Blik op Werk), apart from the clients: their fieldwork
/// state and contact data, their attempts and their answers. Insert-only for ingest, as for services.
/// </summary>
public interface IOpdrachtgeverStore
{
    /// <summary>Ids of the opdrachtgevers stored for a company and year, with the delivery that brought each.</summary>
    Task<IReadOnlyDictionary<string, string>> KnownAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>Inserts opdrachtgevers; one already stored is left exactly as it is.</summary>
    Task InsertAsync(string company, int year, IReadOnlyList<NewOpdrachtgever> opdrachtgevers, CancellationToken cancellationToken);

    /// <summary>Every opdrachtgever of a company and year, pseudonymous (no contact data): for progress and the report.</summary>
    IAsyncEnumerable<OpdrachtgeverEntry> ListAsync(string company, int year, CancellationToken cancellationToken);

    IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken);

    IAsyncEnumerable<StoredResponse> ResponsesAsync(string company, int year, CancellationToken cancellationToken);
}

/// <summary>An opdrachtgever to insert, with the delivery it came in.</summary>
public sealed record NewOpdrachtgever(Opdrachtgever Opdrachtgever, string DeliveryId, DateTimeOffset ReceivedAt);

/// <summary>What the figures need of one stored opdrachtgever: its id and the trajectories it commissioned.</summary>
public sealed record OpdrachtgeverEntry(string Id, int? AantalTrajecten);
