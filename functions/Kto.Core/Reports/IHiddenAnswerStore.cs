namespace Kto.Core.Reports;

/// <summary>Open answers the bureau has hidden, per company and year; kept apart from the drafts so a new draft leaves them out too.</summary>
public interface IHiddenAnswerStore
{
    Task<IReadOnlyList<HiddenAnswer>> ListAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Records the decision, create-only: an answer hidden before keeps its first record (who and why stay as they
    /// were). Returns the record that stands and whether this call made it (exactly one call does, however many race).
    /// </summary>
    Task<(HiddenAnswer Record, bool Created)> AddAsync(string company, int year, HiddenAnswer hidden, CancellationToken cancellationToken);
}
