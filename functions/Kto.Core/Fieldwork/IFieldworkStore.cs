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

    /// <summary>The name and e-mail address to write to; null when the contact data is gone.</summary>
    Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>Records an attempt and applies <paramref name="update"/> to its service (and clears the claim).</summary>
    Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken);

    IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken);

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
