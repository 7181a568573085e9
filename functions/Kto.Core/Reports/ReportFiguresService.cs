using Kto.Core.Fieldwork;
using Kto.Core.Population;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>Reads the rows of one company and year and counts them per perceel (<see cref="ReportAggregator"/>).</summary>
/// <remarks><paramref name="source"/> gives the population with the bureau's corrections applied (<see cref="CorrectedReportSource"/>);
/// <paramref name="corrections"/> gives the method section's account of them.</remarks>
public sealed class ReportFiguresService(IReportSource source, IFieldworkStore fieldwork, IResponseStore responses, QuestionnaireCatalog questionnaires,
    ICorrectionStore corrections)
{
    /// <summary>
    /// One <see cref="PerceelFigures"/> per perceel, in <see cref="PerceelNames.All"/> order. Each partition is read
    /// once for all four percelen: the attempts and responses are not kept per perceel, so reading per perceel
    /// would read them four times.
    /// </summary>
    public async Task<IReadOnlyList<PerceelFigures>> ForCompanyAsync(string company, int year, CancellationToken cancellationToken) =>
        (await ForCompanyByMonthAsync(company, year, cancellationToken)).Percelen;

    /// <summary>
    /// Services no route reaches: no usable e-mail (none, or it bounced) and, by <see cref="OfflineRoutes"/>, neither a
    /// postal address nor a phone number. Only the contact rows of services without usable e-mail are read, and only
    /// to classify them; nothing of them leaves this method. After retention removed contact data a service is not counted.
    /// </summary>
    private async Task<IReadOnlySet<string>> UnreachableAsync(string company, int year, CancellationToken cancellationToken)
    {
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var candidate in fieldwork.CandidatesAsync(company, year, cancellationToken))
        {
            if (candidate.State.HasUsableEmail) continue;
            var contact = await fieldwork.GetContactAsync(candidate.Ref, cancellationToken);
            if (contact is not null && OfflineRoutes.For(contact) == OfflineRoute.Unreachable) unreachable.Add(candidate.Ref.ServiceId);
        }
        return unreachable;
    }

    /// <summary>
    /// The figures per perceel as <see cref="ForCompanyAsync"/>, and from the same single read of the rows the ended
    /// services and services with a response per calendar month of the end date (January first), all percelen together.
    /// </summary>
    public async Task<(IReadOnlyList<PerceelFigures> Percelen, int[] Ended, int[] Responded)> ForCompanyByMonthAsync(
        string company, int year, CancellationToken cancellationToken)
    {
        var questionnaire = questionnaires.Current;
        int[] ended = new int[12], responded = new int[12];
        var services = await source.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var changes = await corrections.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        if (services.Count == 0)
            return (PerceelNames.All.Select(p => WithChanges(ReportAggregator.Aggregate(p, services, [], [], questionnaire), changes)).ToList(), ended, responded);
        var attempts = await fieldwork.AttemptsAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var answers = await responses.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var unreachable = await UnreachableAsync(company, year, cancellationToken);

        var monthOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            ended[service.Einddatum.Month - 1]++;
            monthOf[service.ServiceId] = service.Einddatum.Month;
        }
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in answers)
            if (answered.Add(response.Service.ServiceId) && monthOf.TryGetValue(response.Service.ServiceId, out var month))
                responded[month - 1]++;
        return (PerceelNames.All.Select(p => WithChanges(ReportAggregator.Aggregate(p, services, attempts, answers, questionnaire, unreachable), changes)).ToList(),
            ended, responded);
    }

    private static PerceelFigures WithChanges(PerceelFigures figures, IReadOnlyList<ServiceCorrection> changes) =>
        figures with { PopulationChanges = PopulationCorrections.Changes(figures.Perceel, changes) };
}
