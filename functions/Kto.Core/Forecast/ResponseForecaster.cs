using Kto.Core.Fieldwork;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Forecast;

/// <summary>
/// The forecast model, pure so it can be worked by hand and backtested. Per perceel:
/// <list type="number">
/// <item>Yield per mode q: every e-mail, letter and call is one try; a response counts for the last approach before it.
/// q = (responses + weight × default) / (approaches + weight); for e-mail and letter also per approach number (invitation,
/// reminder 1, …), shrunk the same way towards the mode's q, since reminders usually bring less. An e-mail or letter
/// younger than the response window is not yet a failed try: it is still "live".</item>
/// <item>Open clients: the approaches their route still has (e-mail and letter: 1 + reminders, phone: the call limit;
/// unreachable and after fieldwork closes: none); chance of a response 1 − Π (1 − q_k) over those approaches.</item>
/// <item>Services still to come: months covered by deliveries (a delivery in month k covers up to k − 1), the mean ended
/// per covered month times the months not covered, less what already came in for those; each responds as a fresh client
/// of the perceel's route mix.</item>
/// <item>Range: the projected rate ± z standard deviations, from each client's chance (binomial), the yields' own
/// uncertainty, and the uncertain number still to come.</item>
/// </list>
/// </summary>
public sealed class ResponseForecaster(ForecastSettings settings, ReportSettings norms, FieldworkSettings fieldwork)
{
    private readonly ContactPolicy policy = new(fieldwork);

    public CompanyForecast Forecast(ForecastInput input)
    {
        var yields = Yields(input.Clients, input.Now);
        var closed = !policy.IsFieldworkOpen(input.Year, input.Now);
        var covered = CoveredThrough(input.Year, input.Deliveries.Where(d => d <= input.Now));
        var missing = closed ? [] : MissingMonths(input.Year, covered, input.Now);
        var percelen = PerceelNames.All
            .Select(p => ForPerceel(p, input, yields, closed, covered, missing))
            .ToList();
        return new CompanyForecast(input.Company, input.Year, input.Now, percelen, yields);
    }

    /// <summary>The last month of the year whose ended services have been delivered: a delivery in month k covers up to k − 1.</summary>
    public static int CoveredThrough(int year, IEnumerable<DateTimeOffset> deliveries)
    {
        var covered = 0;
        foreach (var d in deliveries)
        {
            var at = DutchTime.ToDutch(d);
            var month = at.Year > year ? 12 : at.Year < year ? 0 : at.Month - 1;
            covered = Math.Max(covered, month);
        }
        return covered;
    }

    /// <summary>Months after <paramref name="covered"/> whose delivery was due by now (by the due day of the next month).</summary>
    public IReadOnlyList<int> MissingMonths(int year, int covered, DateTimeOffset now)
    {
        var today = DutchTime.DateOf(now);
        return Enumerable.Range(covered + 1, Math.Max(0, 12 - covered))
            .Where(m => DeliveryDue(year, m) < today)
            .ToList();
    }

    /// <summary>The last day on which month <paramref name="month"/>'s delivery is on time.</summary>
    public DateOnly DeliveryDue(int year, int month) => Portal.DeliveryDue.Date(year, month, settings.DeliveryDueDay);

    public RouteYields Yields(IReadOnlyList<ForecastClient> clients, DateTimeOffset now)
    {
        // Per mode and per approach number (0 = first): responses and tries.
        var steps = 1 + policy.ReminderCount;
        int[,] responses = new int[3, steps], tries = new int[3, steps];
        int[] phoneResponses = new int[1], phoneTries = new int[1];
        void Count(ContactMode mode, int step, bool success)
        {
            if (mode == ContactMode.Phone) { phoneTries[0]++; if (success) phoneResponses[0]++; return; }
            var k = Math.Min(step, steps - 1);
            tries[(int)mode, k]++;
            if (success) responses[(int)mode, k]++;
        }

        foreach (var client in clients)
        {
            var approaches = Approaches(client);
            var numbered = approaches.Select(a => (a.Mode, a.At, Step: approaches.Count(b => b.Mode == a.Mode && b.At < a.At))).ToList();
            if (client.RespondedAt is { } answeredAt)
            {
                var before = numbered.Where(a => a.At <= answeredAt).ToList();
                for (var i = 0; i < before.Count; i++) Count(before[i].Mode, before[i].Step, i == before.Count - 1);
                if (before.Count == 0) Count(ModeOf(client.RespondedBy ?? ResponseMode.Web), 0, true);
            }
            else
            {
                foreach (var a in numbered.Where(a => !IsLive(a.Mode, a.At, now))) Count(a.Mode, a.Step, false);
            }
        }
        return new RouteYields(
            Yield(ContactMode.Email, responses, tries, settings.DefaultEmailYield),
            Yield(ContactMode.Letter, responses, tries, settings.DefaultLetterYield),
            Yield(phoneResponses[0], phoneTries[0], settings.DefaultPhoneYield, []));
    }

    private ModeYield Yield(ContactMode mode, int[,] responses, int[,] tries, double fallback)
    {
        var steps = Enumerable.Range(0, tries.GetLength(1)).ToList();
        var pooled = Yield(steps.Sum(k => responses[(int)mode, k]), steps.Sum(k => tries[(int)mode, k]), fallback, []);
        var weight = settings.PriorWeight;
        var stepYields = steps.Select(k => (responses[(int)mode, k] + weight * pooled.Yield) / (tries[(int)mode, k] + weight)).ToList();
        return pooled with
        {
            Steps = stepYields,
            StepSds = steps.Select(k => PosteriorSd(stepYields[k], tries[(int)mode, k])).ToList(),
        };
    }

    private ModeYield Yield(int responses, int tries, double fallback, IReadOnlyList<double> steps)
    {
        var weight = settings.PriorWeight;
        var q = (responses + weight * fallback) / (tries + weight);
        return new ModeYield(responses, tries, q, PosteriorSd(q, tries), steps);
    }

    /// <summary>Standard deviation of a Beta posterior with mean q after <paramref name="tries"/> tries and the prior weight's pseudo-tries.</summary>
    private double PosteriorSd(double q, int tries) => Math.Sqrt(q * (1 - q) / (tries + settings.PriorWeight + 1));

    private static ContactMode ModeOf(ResponseMode answered) => answered switch
    {
        ResponseMode.Phone => ContactMode.Phone,
        ResponseMode.Paper => ContactMode.Letter,
        _ => ContactMode.Email,
    };

    private static List<ContactAttempt> Approaches(ForecastClient client) =>
        client.Attempts.Where(a => AttemptOutcomes.CountsAsApproach(a.Outcome)).OrderBy(a => a.At).ToList();

    /// <summary>An e-mail or letter the client may still answer; a call is answered (or not) on the spot.</summary>
    private bool IsLive(ContactMode mode, DateTimeOffset at, DateTimeOffset now) =>
        mode != ContactMode.Phone && now - at < TimeSpan.FromDays(settings.ResponseWindowDays);

    /// <summary>The approaches the client's route still has: from approach number From up to (not including) To; a live one counts as still ahead.</summary>
    private (int From, int To) Ahead(ForecastClient client, DateTimeOffset now)
    {
        var approaches = Approaches(client);
        int Done(ContactMode mode) => approaches.Count(a => a.Mode == mode && !IsLive(a.Mode, a.At, now));
        return client.Route switch
        {
            ForecastRoute.Email => (Done(ContactMode.Email), 1 + policy.ReminderCount),
            ForecastRoute.Letter => (Done(ContactMode.Letter), 1 + policy.ReminderCount),
            ForecastRoute.Phone => CallingEnded(client) ? (0, 0) : (client.Attempts.Count(a => a.Mode == ContactMode.Phone), policy.MaxCallAttempts),
            _ => (0, 0),
        };
    }

    private static bool CallingEnded(ForecastClient client) =>
        client.Attempts.Any(a => a.Mode == ContactMode.Phone && AttemptOutcomes.EndsCalling(a.Outcome));

    /// <summary>Chance of a response from approaches <paramref name="from"/> to <paramref name="to"/> of <paramref name="route"/>: 1 − Π (1 − q_k).</summary>
    private static double Chance(RouteYields y, ForecastRoute route, int from, int to)
    {
        if (route == ForecastRoute.Unreachable) return 0;
        var yield = y.For(route switch { ForecastRoute.Email => ContactMode.Email, ForecastRoute.Letter => ContactMode.Letter, _ => ContactMode.Phone });
        var none = 1.0;
        for (var k = from; k < to; k++) none *= 1 - yield.At(k);
        return 1 - none;
    }

    /// <summary>Chance that a client delivered now, on <paramref name="route"/>, responds with every approach still ahead.</summary>
    private double FreshChance(RouteYields y, ForecastRoute route) => route switch
    {
        ForecastRoute.Email or ForecastRoute.Letter => Chance(y, route, 0, 1 + policy.ReminderCount),
        ForecastRoute.Phone => Chance(y, route, 0, policy.MaxCallAttempts),
        _ => 0,
    };

    private PerceelForecast ForPerceel(Perceel perceel, ForecastInput input, RouteYields yields, bool closed, int covered, IReadOnlyList<int> missing)
    {
        var clients = input.Clients.Where(c => c.Perceel == perceel).ToList();
        var ended = clients.Count;
        var responded = clients.Count(c => c.Responded);
        var grades = clients.Select(c => c.Grade).OfType<int>().ToList();
        var meanGrade = grades.Count == 0 ? (double?)null : Math.Round(grades.Average(), 2);

        // Route mix of this perceel (else of the company, else all e-mail) for the clients still to come.
        var mixFrom = clients.Count > 0 ? clients : input.Clients;
        double Share(ForecastRoute r) => mixFrom.Count == 0 ? (r == ForecastRoute.Email ? 1 : 0) : (double)mixFrom.Count(c => c.Route == r) / mixFrom.Count;
        double FreshWith(RouteYields y) => closed ? 0 : Enum.GetValues<ForecastRoute>().Sum(r => Share(r) * FreshChance(y, r));

        // Services still to come, from the monthly pattern of the covered months.
        var perMonth = covered == 0 ? 0 : (double)clients.Count(c => c.Einddatum.Month <= covered) / covered;
        var toCome = closed ? 0 : Math.Max(0, perMonth * (12 - covered) - clients.Count(c => c.Einddatum.Month > covered));
        var toComeVariance = closed || covered == 0 ? 0 : toCome + Math.Pow(12 - covered, 2) * perMonth / covered;

        var open = clients.Where(c => c.IsOpen).Select(c => (Client: c, Ahead: closed ? (0, 0) : Ahead(c, input.Now))).ToList();
        double Expected(RouteYields y) => responded + open.Sum(o => Chance(y, o.Client.Route, o.Ahead.Item1, o.Ahead.Item2)) + toCome * FreshWith(y);

        var denominator = ended + toCome;
        double? projected = null, low = null, high = null;
        var responseAtRisk = false;
        if (denominator > 0)
        {
            var fresh = FreshWith(yields);
            var expected = Expected(yields);
            var rate = expected / denominator;
            var binomial = open.Sum(o => Chance(yields, o.Client.Route, o.Ahead.Item1, o.Ahead.Item2) is var p ? p * (1 - p) : 0) + toCome * fresh * (1 - fresh);
            // Each estimate one sd higher in turn: each mode's pooled yield (all its approach numbers with it), and
            // each approach number's own yield (a reminder's yield rests on fewer approaches than the mode's).
            var raised = new List<RouteYields>
            {
                yields with { Email = yields.Email.Raised() },
                yields with { Letter = yields.Letter.Raised() },
                yields with { Phone = yields.Phone.Raised() },
            };
            for (var k = 0; k < yields.Email.Steps.Count; k++) raised.Add(yields with { Email = yields.Email.RaisedAt(k) });
            for (var k = 0; k < yields.Letter.Steps.Count; k++) raised.Add(yields with { Letter = yields.Letter.RaisedAt(k) });
            var parameters = raised.Sum(y => Math.Pow(Expected(y) - expected, 2));
            var variance = (binomial + parameters) / (denominator * denominator)
                + Math.Pow((fresh - rate) / denominator, 2) * toComeVariance;
            var half = settings.RangeZ * Math.Sqrt(variance);
            projected = Math.Round(rate, 4);
            low = Math.Round(Math.Clamp(rate - half, 0, 1), 4);
            high = Math.Round(Math.Clamp(rate + half, 0, 1), 4);
            var exempt = denominator < norms.ExemptionThreshold;
            responseAtRisk = !exempt && (low < norms.MinimumResponseRate || low * denominator < norms.MinimumRespondents);
        }

        return new PerceelForecast(perceel, ended, responded, ended == 0 ? 0 : Math.Round((double)responded / ended, 4),
            norms.MinimumResponseRate, Math.Round(denominator, 1), projected, low, high, meanGrade,
            responseAtRisk, GradeAtRisk(grades), Actions(closed ? [] : open.Select(o => o.Client).ToList(), input, yields, perMonth, FreshWith(yields), missing));
    }

    /// <summary>The mean so far minus z standard errors below the minimum grade (with one grade: the grade itself below it).</summary>
    private bool GradeAtRisk(IReadOnlyList<int> grades)
    {
        if (grades.Count == 0) return false;
        var mean = grades.Average();
        if (grades.Count == 1) return mean < norms.KpiMinimumMeanGrade;
        var sd = Math.Sqrt(grades.Sum(g => Math.Pow(g - mean, 2)) / (grades.Count - 1));
        return mean - settings.RangeZ * sd / Math.Sqrt(grades.Count) < norms.KpiMinimumMeanGrade;
    }

    /// <summary>What can be done now, ranked by expected extra responses (one approach per client each).</summary>
    private List<ForecastAction> Actions(IReadOnlyList<ForecastClient> open, ForecastInput input, RouteYields yields, double perMonth, double fresh,
        IReadOnlyList<int> missing)
    {
        var actions = new List<ForecastAction>();
        void Add(ForecastActionKind kind, IReadOnlyCollection<double> yieldsOfClients)
        {
            if (yieldsOfClients.Count > 0) actions.Add(new ForecastAction(kind, yieldsOfClients.Count, Math.Round(yieldsOfClients.Sum(), 2)));
        }

        // Each client's next approach at the yield of its number (the invitation, reminder 1, …).
        var emailDue = open.Where(c => c.Route == ForecastRoute.Email)
            .Select(c => policy.DueEmailStep(c.State, input.Year, input.Now)).OfType<ContactStep>().ToList();
        Add(ForecastActionKind.SendInvitations, emailDue.Where(s => s.IsInvitation).Select(s => yields.Email.At(0)).ToList());
        Add(ForecastActionKind.SendReminders, emailDue.Where(s => !s.IsInvitation).Select(s => yields.Email.At(s.Number)).ToList());
        Add(ForecastActionKind.PostLetters, open.Where(c => c.Route == ForecastRoute.Letter)
            .Select(c => c.Attempts.Where(a => a.Mode == ContactMode.Letter && a.Outcome == AttemptOutcome.Sent).Select(a => a.At).ToList())
            .Where(posted => policy.DueLetter(posted, input.Year, input.Now) is not null)
            .Select(posted => yields.Letter.At(posted.Count)).ToList());
        Add(ForecastActionKind.CallPhoneOnly, open.Where(c => c.Route == ForecastRoute.Phone && Ahead(c, input.Now) is var (from, to) && from < to)
            .Select(_ => yields.Phone.Yield).ToList());
        foreach (var month in missing)
        {
            var clients = (int)Math.Round(perMonth);
            if (clients > 0) actions.Add(new ForecastAction(ForecastActionKind.MissingDelivery, clients, Math.Round(perMonth * fresh, 2), month));
        }
        return actions.OrderByDescending(a => a.ExpectedResponses).ThenBy(a => a.Kind).ToList();
    }
}
