using Kto.Core.Companies;
using Kto.Core.Population;
using Kto.Core.Questionnaires;

namespace Kto.Core.Reports;

/// <summary>
/// Making the annual report's draft and reading the current one: built from the perceel figures (<see cref="DraftReportBuilder"/>),
/// rendered, and kept with its inputs in the <see cref="IReportArchive"/>; read back as the report the bureau reviews before signing.
/// </summary>
public sealed class ReportDraftService(
    QuestionnaireCatalog questionnaires,
    ICompanyStore companies,
    IReportArchive archive,
    OpenAnswersService openAnswers,
    IHiddenAnswerStore hiddenAnswers,
    DraftReportBuilder builder,
    TimeProvider time)
{
    /// <summary>
    /// Builds and stores the draft; a draft is replaced by the next run, signed versions are not touched. The draft
    /// takes the open answers (redacted, without those the bureau hid) and the previous year's signed figures into
    /// its inputs, so signing shows exactly what was reviewed. The newest figures win: a draft made from figures older
    /// than the current draft's is not stored, and the replace is conditional on the draft row (a hide or another
    /// run that saved meanwhile makes this run decide again, never overwritten unseen).
    /// </summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken) =>
        await SaveDraftAsync(company, year, figures, await openAnswers.ReadAsync(company, year, cancellationToken), generatedAt, cancellationToken);

    /// <summary>
    /// The draft of one company's year from its population, read once for the figures and the open answers (the
    /// report run's activity per company).
    /// </summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(YearPopulation population, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken) =>
        await SaveDraftAsync(population.Company, population.Year, figures, await openAnswers.ReadAsync(population, cancellationToken), generatedAt,
            cancellationToken);

    private async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, IReadOnlyList<OpenAnswer> answers,
        DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var name = (await companies.GetAsync(company, cancellationToken))?.Name ?? company;
        var previous = await PreviousYearAsync(company, year - 1, cancellationToken);
        while (true)
        {
            var current = await archive.GetCurrentDraftAsync(company, year, cancellationToken);
            if (current is not null && current.Info.GeneratedAt > generatedAt) return current.Info; // a later run's figures stand
            var hidden = await HiddenIdsAsync(company, year, cancellationToken);
            var inputs = new ReportDraftInputs(name, questionnaires.Current.Version, generatedAt, figures,
                OpenAnswers: answers.Where(a => !hidden.Contains(a.Id)).ToList(), PreviousYear: previous);
            var saved = await builder.TryReplaceAsync(company, year, inputs, current, cancellationToken);
            if (saved is null) continue;
            // An answer hidden while this draft was being made must not come back with it: decide once more.
            var hiddenNow = await HiddenIdsAsync(company, year, cancellationToken);
            if (!inputs.OpenAnswers!.Any(a => hiddenNow.Contains(a.Id))) return saved;
        }
    }

    private async Task<HashSet<string>> HiddenIdsAsync(string company, int year, CancellationToken cancellationToken) =>
        (await hiddenAnswers.ListAsync(company, year, cancellationToken)).Select(h => h.AnswerId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The latest signed report over <paramref name="year"/>, as the figures its signing stored.</summary>
    private async Task<PreviousYearFigures> PreviousYearAsync(string company, int year, CancellationToken cancellationToken)
    {
        var latest = (await archive.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault();
        if (latest is null) return PreviousYearFigures.None(year);
        var inputs = await archive.ReadVersionInputsAsync(company, year, latest.Version, cancellationToken);
        return new PreviousYearFigures(year, latest.Version, inputs?.Figures ?? []);
    }

    /// <summary>The current draft's open answers (what its files show) and the answers hidden from this report; null without a draft.</summary>
    public async Task<DraftOpenAnswers?> DraftOpenAnswersAsync(string company, int year, CancellationToken cancellationToken)
    {
        var current = await archive.GetDraftAsync(company, year, cancellationToken);
        var inputs = current is null ? null : await archive.ReadDraftInputsAsync(company, year, current.Id, cancellationToken);
        if (current is null || inputs is null) return null;
        return new DraftOpenAnswers(current, inputs.OpenAnswers ?? [], await hiddenAnswers.ListAsync(company, year, cancellationToken));
    }

    /// <summary>
    /// The UWV checklist of the draft named by its id, rebuilt from its stored inputs the same way the draft was
    /// built (so the page shows exactly the checks in the draft PDF). Null when that draft is no longer current.
    /// </summary>
    public async Task<UwvChecklist?> DraftChecklistAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        (await DraftReportAsync(company, year, draftId, cancellationToken))?.Checklist;

    /// <summary>
    /// The draft named by its id as a report, rebuilt from its stored inputs the way the draft was built: its checklist,
    /// its percelen (exemption, open answers) as the draft's files show them. Null when that draft is no longer current.
    /// </summary>
    public async Task<AnnualReport?> DraftReportAsync(string company, int year, string draftId, CancellationToken cancellationToken)
    {
        var draft = await archive.ReadDraftInputsAsync(company, year, draftId, cancellationToken);
        return draft is null ? null : builder.Build(company, year, draft, draft.GeneratedAt);
    }

    /// <summary>What is not in order in the draft named by its id, to show before the bureau confirms its signature; null when that draft is no longer current.</summary>
    public async Task<SigningReview?> ReviewBeforeSigningAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        (await archive.GetDraftAsync(company, year, cancellationToken))?.Id is { } current
        && string.Equals(current, draftId.Trim(), StringComparison.OrdinalIgnoreCase)
        && await DraftReportAsync(company, year, current, cancellationToken) is { } report
            ? SigningReview.Of(report, DutchTime.Today(time))
            : null;
}
