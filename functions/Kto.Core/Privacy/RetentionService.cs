using Kto.Core.Companies;

namespace Kto.Core.Privacy;

/// <summary>
/// The daily clean-up: contact data and personal links of every year past retention, and raw files past theirs.
/// It looks at every year that holds contact data, not a fixed window, so a year no run reached (an old end date
/// delivered before it was refused, a timer that did not run for years) is still cleaned.
/// </summary>
public sealed class RetentionService(ICompanyStore companies, IRetentionStore store, RetentionPolicy policy, Accounts.IAuditLog? audit = null)
{
    /// <param name="actor">Who started the clean-up by hand (audited); null for the nightly timer.</param>
    public async Task<RetentionResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken, string? actor = null)
    {
        var contacts = 0;
        foreach (var company in await companies.ListAsync(cancellationToken))
            foreach (var year in await store.ContactYearsAsync(company.Id, cancellationToken))
                if (policy.ContactsExpired(year, now))
                    contacts += await store.DeleteContactsAsync(company.Id, year, cancellationToken);

        // A link of an expired year would only open a page about a client nobody may contact any more.
        var tokens = await store.DeleteTokensAsync(year => policy.ContactsExpired(year, now), cancellationToken);
        var files = await store.DeleteRawDeliveriesAsync(policy.RawFilesUploadedBefore(now), cancellationToken);
        if (actor is not null && audit is not null)
            await audit.WriteAsync(new Accounts.AuditEntry(DateTimeOffset.UtcNow, actor, Accounts.AuditActions.JobStarted, null,
                $"purge-expired: {contacts} contactgegevens, {tokens} links en {files} bestanden verwijderd"), cancellationToken);
        return new RetentionResult(now, contacts, files, tokens);
    }
}

public sealed record RetentionResult(DateTimeOffset At, int ContactsDeleted, int RawFilesDeleted, int TokensDeleted);
