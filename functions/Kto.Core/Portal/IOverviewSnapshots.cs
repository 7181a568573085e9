namespace Kto.Core.Portal;

/// <summary>The kept per-company figures of the bureau overview (<see cref="OverviewSnapshot"/>).</summary>
public interface IOverviewSnapshots
{
    /// <summary>Every company's snapshot for the year; a company without one is simply absent.</summary>
    Task<IReadOnlyList<OverviewSnapshot>> ForYearAsync(int year, CancellationToken cancellationToken);

    /// <summary>Saves (replaces) one company's snapshot for its year.</summary>
    Task SaveAsync(OverviewSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Drops one company's snapshot for the year, so the next view computes it afresh; none there is fine.</summary>
    Task RemoveAsync(string companyId, int year, CancellationToken cancellationToken);
}
