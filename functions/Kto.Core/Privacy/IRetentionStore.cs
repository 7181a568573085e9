namespace Kto.Core.Privacy;

/// <summary>Deletes personal data whose time is up.</summary>
public interface IRetentionStore
{
    /// <summary>Deletes the contact data of one company and year; returns how many clients' data was deleted.</summary>
    Task<int> DeleteContactsAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>Deletes raw delivery files uploaded before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteRawDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
