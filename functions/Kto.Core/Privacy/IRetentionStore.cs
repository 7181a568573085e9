namespace Kto.Core.Privacy;

/// <summary>Deletes personal data whose time is up.</summary>
public interface IRetentionStore
{
    /// <summary>Every measurement year for which contact data of this company is stored, however old.</summary>
    Task<IReadOnlyList<int>> ContactYearsAsync(string company, CancellationToken cancellationToken);

    /// <summary>Deletes the contact data of one company and year; returns how many clients' data was deleted.</summary>
    Task<int> DeleteContactsAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>Deletes every personal link (token) of a service whose year <paramref name="expired"/> says is over; returns how many.</summary>
    Task<int> DeleteTokensAsync(Func<int, bool> expired, CancellationToken cancellationToken);

    /// <summary>Deletes raw delivery files uploaded before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteRawDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
