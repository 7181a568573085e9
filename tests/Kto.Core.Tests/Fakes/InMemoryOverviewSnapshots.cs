using Kto.Core.Portal;

namespace Kto.Core.Tests.Fakes;

/// <summary>The bureau overview's kept figures in memory; records which company and year were dropped.</summary>
public sealed class InMemoryOverviewSnapshots : IOverviewSnapshots
{
    public Dictionary<(string Company, int Year), OverviewSnapshot> Kept { get; } = new();

    public List<(string Company, int Year)> Removed { get; } = [];

    public Task<IReadOnlyList<OverviewSnapshot>> ForYearAsync(int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OverviewSnapshot>>(Kept.Values.Where(s => s.Year == year).ToList());

    public Task SaveAsync(OverviewSnapshot snapshot, CancellationToken cancellationToken)
    {
        Kept[(snapshot.CompanyId, snapshot.Year)] = snapshot;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string companyId, int year, CancellationToken cancellationToken)
    {
        Kept.Remove((companyId, year));
        Removed.Add((companyId, year));
        return Task.CompletedTask;
    }
}
