using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>
/// The mail job's view of clients and opdrachtgevers together, so both go through the one mail job (claims, throttle,
/// never twice, attempts recorded): candidates of a company and year are its clients, then its opdrachtgevers; every
/// other call goes to the store the id belongs to (<see cref="OpdrachtgeverIds.IsOpdrachtgever"/>).
/// </summary>
public sealed class AudienceFieldworkStore(IFieldworkStore clients, IFieldworkStore opdrachtgevers) : IFieldworkStore
{
    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var candidate in clients.CandidatesAsync(company, year, cancellationToken)) yield return candidate;
        await foreach (var candidate in opdrachtgevers.CandidatesAsync(company, year, cancellationToken)) yield return candidate;
    }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).GetAsync(service, cancellationToken);

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) =>
        For(candidate.Ref).TryClaimAsync(candidate, step, until, cancellationToken);

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).GetContactAsync(service, cancellationToken);

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        For(attempt.Service).RecordAsync(attempt, update, cancellationToken);

    /// <summary>The clients' attempts only: figures count clients and opdrachtgevers apart.</summary>
    public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) =>
        clients.AttemptsAsync(company, year, cancellationToken);

    private IFieldworkStore For(ServiceRef service) => OpdrachtgeverIds.IsOpdrachtgever(service.ServiceId) ? opdrachtgevers : clients;
}
