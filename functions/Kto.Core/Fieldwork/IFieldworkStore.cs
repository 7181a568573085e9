using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>Services as the mail job sees them, the claims that keep two runs apart, and the record of attempts.</summary>
public interface IFieldworkStore
{
    /// <summary>Every service of a company and year with its contact state.</summary>
    IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>
    /// The services that need a letter or a call (<see cref="OfflineContactService.NeedsLetterOrCall"/>). A store that
    /// can filter reads only those rows (the Table store asks for the rows without e-mail or bounced); this default
    /// filters <see cref="CandidatesAsync"/>.
    /// </summary>
    IAsyncEnumerable<FieldworkCandidate> OfflineCandidatesAsync(string company, int year, CancellationToken cancellationToken) =>
        CandidatesAsync(company, year, cancellationToken).Where(c => OfflineContactService.NeedsLetterOrCall(c.State));

    /// <summary>One service with its contact state, or null when it does not exist.</summary>
    Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>Claims a step of a service until <paramref name="until"/>; false when the service changed since it was read.</summary>
    Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a batch of steps until <paramref name="until"/>, one outcome per claim in the same order. A store that can
    /// writes them together (the Table stores: one transaction per partition, each claim with the ETag the run read);
    /// this default claims one by one. Never throws for a claim: a storage failure is <see cref="ClaimOutcome.Unknown"/>.
    /// </summary>
    async Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        var outcomes = new List<ClaimOutcome>(claims.Count);
        foreach (var (candidate, step) in claims)
        {
            try
            {
                outcomes.Add(await TryClaimAsync(candidate, step, until, cancellationToken) ? ClaimOutcome.Claimed : ClaimOutcome.Busy);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcomes.Add(ClaimOutcome.Unknown);
            }
        }
        return outcomes;
    }

    /// <summary>The name and e-mail address to write to; null when the contact data is gone.</summary>
    Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>
    /// The contact data of a batch of services (those whose data is gone are missing). A store that can reads them
    /// together (the Table stores: one row-key range per partition); this default reads one by one.
    /// </summary>
    async Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ServiceRef, ContactDetails>();
        foreach (var service in services)
            if (await GetContactAsync(service, cancellationToken) is { } contact) found[service] = contact;
        return found;
    }

    /// <summary>Records an attempt and applies <paramref name="update"/> to its service (and clears the claim).</summary>
    Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// Records a batch of attempts (one per service), as <see cref="RecordAsync"/> each. A store that can writes the
    /// attempts in one transaction per partition and then the services in one (the Table stores); this default records
    /// one by one. Throws when any failed; every write is idempotent, so the caller may record the batch again.
    /// </summary>
    async Task RecordAllAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        foreach (var (attempt, update) in records) await RecordAsync(attempt, update, cancellationToken);
    }

    /// <summary>
    /// The first of <see cref="RecordAllAsync"/>'s two writes: the batch's attempts only. <see cref="ApplyUpdatesAsync"/>
    /// then writes what they do to the services (which clears the claims), so the mail job can overlap that second write
    /// with other work. A store that writes the two apart (the Table stores) has both; this default records the whole
    /// batch here, and <see cref="ApplyUpdatesAsync"/> has nothing left to do. Throws when any failed; every write is
    /// idempotent, so the caller may record the batch again.
    /// </summary>
    Task RecordAttemptsAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        RecordAllAsync(records, cancellationToken);

    /// <summary>
    /// The second of <see cref="RecordAllAsync"/>'s writes, only after <see cref="RecordAttemptsAsync"/> of the same
    /// records succeeded: the services' updates, which clear the claims. Nothing to do for a store without the split.
    /// </summary>
    Task ApplyUpdatesAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Clears this run's claims of steps it did not attempt after all (a run that stopped mid-batch), so the next run
    /// sends them. Only a store the mail job claims in has it; without it a claim expires and is recorded unknown.
    /// </summary>
    Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) => Task.CompletedTask;

    IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>
    /// The attempts of a company and year as the counters of its population use them (<see cref="Population.PopulationReader"/>:
    /// service, step, mode, time and outcome). A store that can leaves out the rest (the Table store selects those
    /// columns: no SMTP code, error, interviewer or call-back time); this default is <see cref="AttemptsAsync"/>.
    /// </summary>
    IAsyncEnumerable<ContactAttempt> AttemptsToCountAsync(string company, int year, CancellationToken cancellationToken) =>
        AttemptsAsync(company, year, cancellationToken);

    /// <summary>
    /// The attempts of one service. A store that can reads only that service's rows (the Table store: a row-key range);
    /// this default filters <see cref="AttemptsAsync"/>.
    /// </summary>
    IAsyncEnumerable<ContactAttempt> AttemptsOfAsync(ServiceRef service, CancellationToken cancellationToken) =>
        AttemptsAsync(service.Company, service.Year, cancellationToken).Where(a => a.Service == service);

    /// <summary>
    /// Records an attempt made by hand, once: its identity is service, step, mode and outcome, written create-only. False
    /// (nothing written) when that attempt is there already: a repeat of the same request at the same moment. Only a
    /// store that can write create-only offers it (read-only views of the fieldwork do not).
    /// </summary>
    Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} does not record attempts by hand.");
}

/// <summary>Contact data of one client, for a mail, a letter or a call.</summary>
public sealed record ContactDetails(
    string Klantnummer,
    string? Voornaam,
    string? Voorletters,
    string? Tussenvoegsel,
    string? Achternaam,
    string? Email,
    string? Telefoon,
    string? Adres,
    string? Postcode,
    string? Woonplaats)
{
    /// <summary>"Beste Sam de Vries", or "Beste klant" when no name was delivered.</summary>
    public string Salutation()
    {
        var parts = new[] { Voornaam ?? Voorletters, Tussenvoegsel, Achternaam }.Where(p => !string.IsNullOrWhiteSpace(p));
        var name = string.Join(' ', parts);
        return name.Length == 0 || string.IsNullOrWhiteSpace(Achternaam) ? "Beste klant" : $"Beste {name}";
    }
}
