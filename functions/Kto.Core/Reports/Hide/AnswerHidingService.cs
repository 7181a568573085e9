namespace Kto.Core.Reports;

/// <summary>The bureau hides an open answer from the annual report: from the current draft at once, and from every later one.</summary>
public sealed class AnswerHidingService(
    IReportArchive archive,
    IHiddenAnswerStore hiddenAnswers,
    DraftReportBuilder builder,
    TimeProvider time)
{
    /// <summary>
    /// Hides one open answer of the current draft, recorded with who and why: the decision is stored first,
    /// create-only (so the next draft leaves the answer out too, and of requests at once exactly one makes the
    /// record), then the current draft is rebuilt from its own inputs without it (a new draft id: a sign request
    /// naming the old one is refused), replacing it only if no run or hide saved meanwhile; else it decides again on
    /// the newer draft. A repeat answers like the first, as <see cref="AnswerHidingOutcome.AlreadyHidden"/>.
    /// </summary>
    public async Task<AnswerHidingResult> HideAnswerAsync(string company, int year, string answerId, string hiddenBy, string reason,
        CancellationToken cancellationToken)
    {
        (HiddenAnswer Record, bool Created)? recorded = null;
        while (true)
        {
            var current = await archive.GetCurrentDraftAsync(company, year, cancellationToken);
            var inputs = current is null ? null : await archive.ReadDraftInputsAsync(company, year, current.Info.Id, cancellationToken);
            if (current is not null && inputs is null && (await archive.GetDraftAsync(company, year, cancellationToken))?.Id != current.Info.Id)
                continue; // replaced while we read it
            if (current is null || inputs is null) return new AnswerHidingResult(AnswerHidingOutcome.NoDraft);
            var answers = inputs.OpenAnswers ?? [];
            if (!answers.Any(a => a.Id == answerId))
            {
                if (recorded is { } mine) return Hiding(mine, current.Info);
                var earlier = (await hiddenAnswers.ListAsync(company, year, cancellationToken)).FirstOrDefault(h => h.AnswerId == answerId);
                return earlier is null
                    ? new AnswerHidingResult(AnswerHidingOutcome.UnknownAnswer)
                    : new AnswerHidingResult(AnswerHidingOutcome.AlreadyHidden, current.Info, earlier);
            }

            recorded ??= await hiddenAnswers.AddAsync(company, year, new HiddenAnswer(answerId, hiddenBy.Trim(), reason.Trim(), time.GetUtcNow()),
                cancellationToken);
            var rest = inputs with { OpenAnswers = answers.Where(a => a.Id != answerId).ToList() };
            if (await builder.TryReplaceAsync(company, year, rest, current, cancellationToken) is { } draft) return Hiding(recorded.Value, draft);
        }
    }

    private static AnswerHidingResult Hiding((HiddenAnswer Record, bool Created) recorded, ReportDraftInfo draft) =>
        new(recorded.Created ? AnswerHidingOutcome.Hidden : AnswerHidingOutcome.AlreadyHidden, draft, recorded.Record);
}
