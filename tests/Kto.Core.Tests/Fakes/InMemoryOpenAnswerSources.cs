using System.Runtime.CompilerServices;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// The report's services, the stored responses, the clients' identifiers and the hidden answers of one company in
/// memory: what <see cref="OpenAnswersService"/>, <see cref="ReportDraftService"/> and <see cref="AnswerHidingService"/> read for the appendix.
/// </summary>
public sealed class InMemoryOpenAnswerSources : IReportSource, IResponseStore, IClientIdentifierSource, IHiddenAnswerStore
{
    public List<ReportServiceRow> Services { get; } = [];
    public List<StoredResponse> Responses { get; } = [];
    public Dictionary<string, IReadOnlyList<string>> NameParts { get; } = [];
    public List<string> Klantnummers { get; } = [];
    private readonly List<(string Company, int Year, HiddenAnswer Hidden)> hidden = [];

    public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var s in Services.Where(s => s.Einddatum.Year == year)) yield return s;
    }

    public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        if (Responses.Any(r => r.Service == response.Service)) return Task.FromResult(false);
        Responses.Add(response);
        return Task.FromResult(true);
    }

    public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(Responses.FirstOrDefault(r => r.Service == service));

    public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var r in Responses.Where(r => r.Service.Company == company && r.Service.Year == year)) yield return r;
    }

    Task<ClientIdentifiers> IClientIdentifierSource.ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(new ClientIdentifiers(NameParts, Klantnummers));

    /// <summary>Runs on every read of the hidden answers: lets a test hide an answer while a draft is being made.</summary>
    public Action? OnListHidden { get; set; }

    public Task<IReadOnlyList<HiddenAnswer>> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        OnListHidden?.Invoke();
        return Task.FromResult<IReadOnlyList<HiddenAnswer>>(hidden.Where(h => h.Company == company && h.Year == year).Select(h => h.Hidden).ToList());
    }

    public Task<(HiddenAnswer Record, bool Created)> AddAsync(string company, int year, HiddenAnswer answer, CancellationToken cancellationToken)
    {
        var earlier = hidden.Where(h => h.Company == company && h.Year == year && h.Hidden.AnswerId == answer.AnswerId).Select(h => h.Hidden).FirstOrDefault();
        if (earlier is not null) return Task.FromResult((earlier, false));
        hidden.Add((company, year, answer));
        return Task.FromResult((answer, true));
    }
}
