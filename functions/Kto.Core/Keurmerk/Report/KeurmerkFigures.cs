using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>
/// Counts the Keurmerk figures from stored facts, pure so they can be checked by hand. Client figures come from the
/// same per-perceel figures as the UWV report (one rule for responded and the grade); opdrachtgevers are counted the
/// same way (approached = an attempt that counts as an approach, responded = a stored answer), and per mode as the
/// clients' per-mode figures (<see cref="ReportAggregator"/>).
/// </summary>
public static class KeurmerkFigures
{
    /// <summary>Agree-scale answers that count as agreeing (4 = mee eens, 5 = helemaal mee eens).</summary>
    public const int AgreeFrom = 4;

    public static KeurmerkClients Clients(IReadOnlyList<PerceelFigures> percelen)
    {
        var grades = percelen.SelectMany(p => p.Grades).ToList();
        return new KeurmerkClients(
            percelen.Sum(p => p.Ended),
            percelen.Sum(p => p.Responded),
            Mean(grades),
            percelen.Select(p => new KeurmerkServiceType(PerceelNames.DisplayName(p.Perceel), p.Ended, p.Responded, Mean(p.Grades))).ToList());
    }

    public static KeurmerkResults Results(IEnumerable<ReportServiceRow> services, KeurmerkSettings settings)
    {
        var all = services.ToList();
        var completed = all.Where(s => TrajectoryResult.IsCompleted(s.RedenBeeindiging)).ToList();
        var successful = completed.Count(s => TrajectoryResult.IsSuccessful(s.RedenBeeindiging, settings.SuccessWordList(), settings.FailureWordList()));
        return new KeurmerkResults(all.Count, completed.Count, successful,
            completed.Count == 0 ? null : Math.Round((double)successful / completed.Count, 4),
            settings.SuccessWordList(), settings.FailureWordList());
    }

    public static KeurmerkOpdrachtgevers Opdrachtgevers(
        IReadOnlyCollection<OpdrachtgeverEntry> opdrachtgevers, IEnumerable<ContactAttempt> attempts, IEnumerable<StoredResponse> responses)
    {
        var ids = opdrachtgevers.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var approaches = attempts.Where(a => ids.Contains(a.Service.ServiceId) && AttemptOutcomes.CountsAsApproach(a.Outcome)).ToList();
        var approached = approaches.Select(a => a.Service.ServiceId).Distinct(StringComparer.Ordinal).Count();
        int ApproachedBy(ContactMode mode) => approaches.Where(a => a.Mode == mode).Select(a => a.Service.ServiceId).Distinct(StringComparer.Ordinal).Count();
        var first = responses.Where(r => ids.Contains(r.Service.ServiceId))
            .GroupBy(r => r.Service.ServiceId).Select(g => g.MinBy(r => r.SubmittedAt)!).ToList();
        var answers = first.Select(r => r.Answers).ToList();
        var trajecten = opdrachtgevers.Any(o => o.AantalTrajecten is not null) ? opdrachtgevers.Sum(o => o.AantalTrajecten ?? 0) : (int?)null;
        return new KeurmerkOpdrachtgevers(
            opdrachtgevers.Count,
            trajecten,
            approached,
            answers.Count,
            opdrachtgevers.Count == 0 ? 0 : Math.Round((double)answers.Count / opdrachtgevers.Count, 4),
            Mean(answers.Select(a => a.Rapportcijfer).OfType<int>().ToList()),
            Mean(answers.Select(a => a[OpdrachtgeverQuestions.GradeResults].Number).OfType<int>().ToList()),
            AgreeShare(answers, OpdrachtgeverQuestions.AgreementsKept),
            AgreeShare(answers, OpdrachtgeverQuestions.Reporting),
            AgreeShare(answers, OpdrachtgeverQuestions.Reachability),
            AgreeShare(answers, OpdrachtgeverQuestions.WouldCommissionAgain),
            new ContactAttempts(ApproachedBy(ContactMode.Email), ApproachedBy(ContactMode.Letter), ApproachedBy(ContactMode.Phone)),
            new ResponsesByMode(first.Count(r => r.Mode == ResponseMode.Web), first.Count(r => r.Mode == ResponseMode.Phone), first.Count(r => r.Mode == ResponseMode.Paper)));
    }

    public static IReadOnlyList<KeurmerkNorm> Norms(KeurmerkClients clients, KeurmerkOpdrachtgevers opdrachtgevers, KeurmerkResults results, KeurmerkSettings settings) =>
    [
        Norm(KeurmerkNormIds.ClientSatisfaction, "Tevredenheid werkenden / niet-werkenden (gemiddeld cijfer)", clients.MeanGrade, settings.ClientSatisfactionMinimum),
        Norm(KeurmerkNormIds.OpdrachtgeverSatisfaction, "Tevredenheid opdrachtgevers (gemiddeld cijfer samenwerking)", opdrachtgevers.MeanGradeCooperation, settings.OpdrachtgeverSatisfactionMinimum),
        Norm(KeurmerkNormIds.Results, "Resultaten (succesvol afgerond / afgerond)", results.SuccessRate, settings.MinimumSuccessRate),
    ];

    private static KeurmerkNorm Norm(string id, string name, double? value, double threshold) =>
        new(id, name, value, threshold, value is { } v ? v >= threshold : null);

    private static double? AgreeShare(IReadOnlyList<Answers> answers, string question)
    {
        var given = answers.Select(a => a[question]).Where(v => v.Number is not null).ToList();
        return given.Count == 0 ? null : Math.Round((double)given.Count(v => v.Number >= AgreeFrom) / given.Count, 4);
    }

    private static double? Mean(IReadOnlyCollection<int> grades) => grades.Count == 0 ? null : Math.Round(grades.Average(), 2);
}
