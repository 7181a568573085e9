using Kto.Core.Companies;

namespace Kto.Core.Privacy;

/// <summary>The daily clean-up: contact data and raw files past their retention are deleted.</summary>
public sealed class RetentionService(ICompanyStore companies, IRetentionStore store, RetentionPolicy policy)
{
    /// <summary>How many measurement years back the clean-up looks; older years were cleaned by earlier runs.</summary>
    private const int YearsBack = 5;

    public async Task<RetentionResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contacts = 0;
        var thisYear = DutchTime.ToDutch(now).Year;
        foreach (var company in await companies.ListAsync(cancellationToken))
            for (var year = thisYear - YearsBack; year < thisYear; year++)
                if (policy.ContactsExpired(year, now))
                    contacts += await store.DeleteContactsAsync(company.Id, year, cancellationToken);

        var files = await store.DeleteRawDeliveriesAsync(policy.RawFilesUploadedBefore(now), cancellationToken);
        return new RetentionResult(now, contacts, files);
    }
}

public sealed record RetentionResult(DateTimeOffset At, int ContactsDeleted, int RawFilesDeleted);
