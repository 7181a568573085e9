using Kto.Core.Settings;

namespace Kto.Core.Reports;

/// <summary>
/// The exemption request letter for one perceel: from the figures of the current draft (or, without one, the latest
/// signed version), only for a perceel with fewer ended services than <see cref="ReportSettings.ExemptionThreshold"/>
/// (the same rule as the report's <see cref="PerceelReport.ExemptionPossible"/>), with the deadline from the settings.
/// </summary>
public sealed class ExemptionLetterService(ReportSettings settings, BureauSettings bureau, IReportArchive archive,
    IExemptionLetterRenderer renderer, TimeProvider time)
{
    public async Task<ExemptionLetterResult> CreateAsync(string company, int year, Perceel perceel, CancellationToken cancellationToken)
    {
        var inputs = await InputsAsync(company, year, cancellationToken);
        if (inputs is null) return new ExemptionLetterResult(ExemptionLetterOutcome.NoReport);
        var ended = inputs.Figures.FirstOrDefault(f => f.Perceel == perceel)?.Ended ?? 0;
        var report = new AnnualReportBuilder(settings, BureauInfo.From(bureau)).BuildPerceel(
            inputs.Figures.FirstOrDefault(f => f.Perceel == perceel) ?? Empty(perceel));
        if (!report.ExemptionPossible) return new ExemptionLetterResult(ExemptionLetterOutcome.NotEligible, Ended: ended);
        var letter = ExemptionLetter.Compose(inputs.CompanyName, perceel, year, ended, settings.ExemptionThreshold,
            settings.SubmissionDeadline(year), bureau.Name, DutchTime.Today(time));
        return new ExemptionLetterResult(ExemptionLetterOutcome.Ready, renderer.Render(letter), ended);
    }

    /// <summary>The percelen of the report (draft, else the latest signed version) with ended services whose letter can be made; null without a report.</summary>
    public async Task<IReadOnlyList<ExemptionChoice>?> ChoicesAsync(string company, int year, CancellationToken cancellationToken)
    {
        var inputs = await InputsAsync(company, year, cancellationToken);
        if (inputs is null) return null;
        var builder = new AnnualReportBuilder(settings, BureauInfo.From(bureau));
        // As the bureau overview flags them: a perceel without ended services needs no letter.
        return inputs.Figures.Where(f => f.Ended > 0 && builder.BuildPerceel(f).ExemptionPossible).Select(f => new ExemptionChoice(f.Perceel, f.Ended)).ToList();
    }

    private async Task<ReportDraftInputs?> InputsAsync(string company, int year, CancellationToken cancellationToken)
    {
        if (await archive.GetDraftAsync(company, year, cancellationToken) is { } draft
            && await archive.ReadDraftInputsAsync(company, year, draft.Id, cancellationToken) is { } inputs)
            return inputs;
        var latest = (await archive.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault();
        return latest is null ? null : await archive.ReadVersionInputsAsync(company, year, latest.Version, cancellationToken);
    }

    private static PerceelFigures Empty(Perceel perceel) => new(perceel, 0, 0, null, [], 0, [], [], null, null, new int[12]);
}
