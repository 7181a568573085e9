using Kto.Core.Privacy;

namespace Kto.Core.Tests.Fakes;

/// <summary>Contacts per company and year, personal links per year and raw files by upload time, in memory.</summary>
public sealed class InMemoryRetentionStore : IRetentionStore
{
    public Dictionary<(string Company, int Year), int> Contacts { get; } = new();
    public List<int> TokenYears { get; } = [];
    public List<DateTimeOffset> RawFilesUploadedAt { get; } = [];

    public Task<IReadOnlyList<int>> ContactYearsAsync(string company, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>(Contacts.Keys.Where(k => k.Company == company).Select(k => k.Year).Order().ToList());

    public Task<int> DeleteContactsAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(Contacts.Remove((company, year), out var count) ? count : 0);

    public Task<int> DeleteTokensAsync(Func<int, bool> expired, CancellationToken cancellationToken) =>
        Task.FromResult(TokenYears.RemoveAll(year => expired(year)));

    public Task<int> DeleteRawDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult(RawFilesUploadedAt.RemoveAll(at => at < before));
}
