using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>
/// Counts the facts of one perceel from stored rows: the services that ended, the contact attempts and the
/// responses. Pure, so the figures can be checked by hand; statistics are <see cref="AnnualReportBuilder"/>'s job.
/// </summary>
public static class ReportAggregator
{
    /// <param name="services">Ended services of the company and year; those of the perceel are the population, the others are ignored.</param>
    /// <param name="attempts">Attempts of the company and year; those of other services are ignored.</param>
    /// <param name="responses">Responses of the company and year; those of other services are ignored.</param>
    /// <param name="questionnaire">The version whose questions the results are given for.</param>
    /// <param name="unreachable">Service ids no contact route reaches (<c>OfflineRoute.Unreachable</c>); null when not known.</param>
    public static PerceelFigures Aggregate(
        Perceel perceel,
        IReadOnlyCollection<ReportServiceRow> services,
        IEnumerable<ContactAttempt> attempts,
        IEnumerable<StoredResponse> responses,
        Questionnaire questionnaire,
        IReadOnlySet<string>? unreachable = null)
    {
        var byId = services.Where(s => s.Perceel == perceel).ToDictionary(s => s.ServiceId, StringComparer.Ordinal);

        // Only real approaches count: a deferred or failed mail did not reach anyone (AttemptOutcomes is the rule).
        var approaches = attempts
            .Where(a => byId.ContainsKey(a.Service.ServiceId) && AttemptOutcomes.CountsAsApproach(a.Outcome))
            .ToList();
        var perService = approaches.GroupBy(a => a.Service.ServiceId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var attemptsPerService = byId.Keys
            .GroupBy(id => perService.GetValueOrDefault(id))
            .OrderBy(g => g.Key)
            .Select(g => new AttemptCount(g.Key, g.Count()))
            .ToList();
        var byMode = new ContactAttempts(
            approaches.Count(a => a.Mode == ContactMode.Email),
            approaches.Count(a => a.Mode == ContactMode.Letter),
            approaches.Count(a => a.Mode == ContactMode.Phone));
        int ServicesBy(ContactMode mode) => approaches.Where(a => a.Mode == mode).Select(a => a.Service.ServiceId).Distinct(StringComparer.Ordinal).Count();
        var approachedByMode = new ContactAttempts(ServicesBy(ContactMode.Email), ServicesBy(ContactMode.Letter), ServicesBy(ContactMode.Phone));

        // The first answer counts (storage already keeps one per service); answers of unknown services are not ours.
        var answered = responses
            .Where(r => byId.ContainsKey(r.Service.ServiceId))
            .GroupBy(r => r.Service.ServiceId)
            .Select(g => g.OrderBy(r => r.SubmittedAt).First())
            .ToList();
        var grades = answered.Select(r => r.Answers.Rapportcijfer).OfType<int>().ToList();
        var perMonth = new int[12];
        foreach (var r in answered) perMonth[byId[r.Service.ServiceId].Einddatum.Month - 1]++;

        var withReason = byId.Values.Where(s => TrajectoryResult.IsCompleted(s.RedenBeeindiging)).ToList();
        return new PerceelFigures(
            perceel,
            Ended: byId.Count,
            Approached: perService.Count,
            AttemptsByMode: byMode,
            AttemptsPerService: attemptsPerService,
            Responded: answered.Count,
            Grades: grades,
            QuestionResults: QuestionResults.Aggregate(questionnaire, answered.Select(r => r.Answers)),
            CompletedTrajectories: withReason.Count == 0 ? null : withReason.Count,
            SuccessfulTrajectories: withReason.Count == 0 ? null : withReason.Count(s => TrajectoryResult.IsSuccessful(s.RedenBeeindiging)),
            ResponsesPerMonth: perMonth,
            ApproachedByMode: approachedByMode,
            RespondedByMode: new ResponsesByMode(
                answered.Count(r => r.Mode == ResponseMode.Web),
                answered.Count(r => r.Mode == ResponseMode.Phone),
                answered.Count(r => r.Mode == ResponseMode.Paper)),
            Unreachable: unreachable is null ? null : byId.Keys.Count(id => unreachable.Contains(id) && answered.All(r => r.Service.ServiceId != id)));
    }
}
