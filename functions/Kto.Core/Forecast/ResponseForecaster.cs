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
/// unreachable and after fieldwork closes: none); chance of a response 1 − Π (1 − q_k) over those approaches. Letters
/// and calls are made by people at the pace this company's year shows (approaches per client-day while some were due),
/// so each further one happens only with the chance that the pace fits it in before fieldwork closes (a Poisson count
/// over the days left); e-mails go out on the timer's schedule.</item>
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
        var yields = WithPaces(Yields(input.Clients, input.Now), input);
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
        double[,] responses = new double[3, steps], tries = new double[3, steps];
        double phoneResponses = 0, phoneTries = 0;
        void Count(ContactMode mode, int step, bool success, double weight = 1)
        {
            if (mode == ContactMode.Phone) { phoneTries += weight; if (success) phoneResponses++; return; }
            var k = Math.Min(step, steps - 1);
            tries[(int)mode, k] += weight;
            if (success) responses[(int)mode, k]++;
        }

        // How soon answers come after the e-mail or letter before them.
        var delays = new List<double>();
        foreach (var client in clients)
            if (client.RespondedAt is { } at && Approaches(client).LastOrDefault(a => a.At <= at) is { Mode: not ContactMode.Phone } last)
                delays.Add((at - last.At).TotalDays);
        delays.Sort();
        var answerDelays = new AnswerDelays(delays, settings.ResponseWindowDays, settings.TimingPriorWeight);

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
                // A live approach is a try only for the share of its answers that would be in by now.
                foreach (var a in numbered)
                    Count(a.Mode, a.Step, false, IsLive(a.Mode, a.At, now) ? answerDelays.AnsweredWithin((now - a.At).TotalDays) : 1);
            }
        }
        return new RouteYields(
            Yield(ContactMode.Email, responses, tries, settings.DefaultEmailYield),
            Yield(ContactMode.Letter, responses, tries, settings.DefaultLetterYield),
            Yield(phoneResponses, phoneTries, settings.DefaultPhoneYield, []), answerDelays);
    }

    private ModeYield Yield(ContactMode mode, double[,] responses, double[,] tries, double fallback)
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

    private ModeYield Yield(double responses, double tries, double fallback, IReadOnlyList<double> steps)
    {
        var weight = settings.PriorWeight;
        var q = (responses + weight * fallback) / (tries + weight);
        return new ModeYield((int)Math.Round(responses), (int)Math.Round(tries), q, PosteriorSd(q, tries), steps);
    }

    /// <summary>The bureau's pace for letters and for calls, estimated from the clients on that route.</summary>
    private RouteYields WithPaces(RouteYields yields, ForecastInput input)
    {
        var deliveries = input.Deliveries.Order().ToList();
        var (letterPace, letterSd) = Pace(input, ForecastRoute.Letter, deliveries, settings.DefaultLetterGapDays);
        var (callPace, callSd) = Pace(input, ForecastRoute.Phone, deliveries, settings.DefaultCallGapDays);
        return yields with
        {
            Letter = yields.Letter with { Pace = letterPace, PaceSd = letterSd },
            Phone = yields.Phone with { Pace = callPace, PaceSd = callSd },
        };
    }

    /// <summary>
    /// Approaches per client-day on <paramref name="route"/>: letters or calls made, over the days each client was waiting
    /// for one (from its delivery until its answer, the end of its route, or now), with the default gap as a Gamma prior
    /// of <see cref="ForecastSettings.TimingPriorWeight"/> approaches. Returns the posterior mean and standard deviation.
    /// </summary>
    private (double Pace, double Sd) Pace(ForecastInput input, ForecastRoute route, IReadOnlyList<DateTimeOffset> deliveries, double defaultGapDays)
    {
        double made = 0, days = 0;
        foreach (var client in input.Clients.Where(c => c.Route == route))
        {
            var approaches = RouteApproaches(client).Select(a => a.At).ToList();
            var start = DeliveredAt(client, deliveries, input.Now);
            var finished = route == ForecastRoute.Letter ? approaches.Count >= 1 + policy.ReminderCount
                : CallingEnded(client) || approaches.Count >= policy.MaxCallAttempts;
            var end = client.RespondedAt is { } answered ? Min(answered, input.Now)
                : client.State.Status != ServiceStatus.Open || finished ? (approaches.Count > 0 ? approaches[^1] : start)
                : input.Now;
            if (end <= start) continue;
            made += approaches.Count(a => a >= start && a <= end);
            days += (end - start).TotalDays;
        }
        var weight = settings.TimingPriorWeight;
        var exposure = days + weight * defaultGapDays;
        return ((made + weight) / exposure, Math.Sqrt(made + weight) / exposure);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// When the client was most likely delivered: the first delivery from the month after its end month on (a delivery
    /// in month k covers up to k − 1), or its first approach if that came earlier; a service delivered early, in its own
    /// month, is caught by the latter.
    /// </summary>
    private static DateTimeOffset DeliveredAt(ForecastClient client, IReadOnlyList<DateTimeOffset> sortedDeliveries, DateTimeOffset now)
    {
        var monthAfter = new DateOnly(client.Einddatum.Year, client.Einddatum.Month, 1).AddMonths(1);
        DateTimeOffset? delivered = null;
        foreach (var d in sortedDeliveries)
            if (DutchTime.DateOf(d) >= monthAfter) { delivered = d; break; }
        var estimate = delivered ?? (sortedDeliveries.Count > 0 ? sortedDeliveries[^1] : now);
        return client.Attempts.Count > 0 && client.Attempts.Min(a => a.At) is var first && first < estimate ? first : estimate;
    }

    /// <summary>The letters (sent) or calls (any outcome) made to a client on the letter or phone route, in order.</summary>
    private static List<ContactAttempt> RouteApproaches(ForecastClient client) => client.Route == ForecastRoute.Phone
        ? client.Attempts.Where(a => a.Mode == ContactMode.Phone).OrderBy(a => a.At).ToList()
        : Approaches(client).Where(a => a.Mode == ContactMode.Letter).ToList();

    /// <summary>Whole days from <paramref name="from"/> to the end of fieldwork's last day (0 when it has closed).</summary>
    private double DaysLeft(int year, DateOnly from) =>
        Math.Max(0, policy.FieldworkCloses(year).DayNumber + 1 - from.DayNumber);

    /// <summary>Chance that a Poisson count of mean <paramref name="mean"/> is at least <paramref name="n"/>.</summary>
    private static double AtLeast(int n, double mean)
    {
        if (n <= 0) return 1;
        double term = Math.Exp(-mean), below = 0;
        for (var i = 0; i < n; i++) { below += term; term *= mean / (i + 1); }
        return Math.Max(0, 1 - below);
    }

    /// <summary>Standard deviation of a Beta posterior with mean q after <paramref name="tries"/> tries and the prior weight's pseudo-tries.</summary>
    private double PosteriorSd(double q, double tries) => Math.Sqrt(q * (1 - q) / (tries + settings.PriorWeight + 1));

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

    /// <summary>
    /// The approaches the client's route still has: from approach number From up to (not including) To; a live one
    /// counts as still ahead, and as already made (<see cref="Remaining.LiveAges"/>: it needs no more of the bureau's time,
    /// and part of the answers it brings would be in by now).
    /// </summary>
    private Remaining Ahead(ForecastClient client, int year, DateTimeOffset now)
    {
        var approaches = Approaches(client);
        int Done(ContactMode mode) => approaches.Count(a => a.Mode == mode && !IsLive(a.Mode, a.At, now));
        List<double> LiveAges(ContactMode mode) =>
            approaches.Where(a => a.Mode == mode && IsLive(a.Mode, a.At, now)).Select(a => (now - a.At).TotalDays).ToList();
        var days = DaysLeft(year, DutchTime.DateOf(now));
        return client.Route switch
        {
            ForecastRoute.Email => new(ForecastRoute.Email, Done(ContactMode.Email), 1 + policy.ReminderCount, LiveAges(ContactMode.Email), days),
            ForecastRoute.Letter => new(ForecastRoute.Letter, Done(ContactMode.Letter), 1 + policy.ReminderCount, LiveAges(ContactMode.Letter), days),
            ForecastRoute.Phone when !CallingEnded(client) => new(ForecastRoute.Phone, client.Attempts.Count(a => a.Mode == ContactMode.Phone), policy.MaxCallAttempts, [], days),
            _ => Remaining.None,
        };
    }

    /// <summary>
    /// A client's approaches still ahead: numbers From to To (exclusive) on Route; the first of them already made and still
    /// live, their ages in days in LiveAges; Days left to make the rest.
    /// </summary>
    private sealed record Remaining(ForecastRoute Route, int From, int To, IReadOnlyList<double> LiveAges, double Days)
    {
        public static readonly Remaining None = new(ForecastRoute.Unreachable, 0, 0, [], 0);

        public bool Any => From < To;
    }

    private static bool CallingEnded(ForecastClient client) =>
        client.Attempts.Any(a => a.Mode == ContactMode.Phone && AttemptOutcomes.EndsCalling(a.Outcome));

    /// <summary>
    /// Chance of a response from the approaches ahead: Σ_k P(approach k is made) × Π_{j&lt;k} (1 − q_j) × q_k, where an
    /// e-mail or an approach already made is certain, and a further letter or call is made when the mode's pace fits it in
    /// the days left (with no pace, or all certain: 1 − Π (1 − q_k)); a live approach counts only with the chance it
    /// still brings an answer (<see cref="RouteYields.StillToAnswer"/>).
    /// </summary>
    private static double Chance(RouteYields y, Remaining ahead)
    {
        if (ahead.Route == ForecastRoute.Unreachable) return 0;
        var yield = y.For(ahead.Route switch { ForecastRoute.Email => ContactMode.Email, ForecastRoute.Letter => ContactMode.Letter, _ => ContactMode.Phone });
        double none = 1, chance = 0;
        for (var k = ahead.From; k < ahead.To; k++)
        {
            var index = k - ahead.From;
            var further = index - ahead.LiveAges.Count + 1;
            var made = yield.Pace is { } pace && further > 0 ? AtLeast(further, pace * ahead.Days) : 1;
            var q = index < ahead.LiveAges.Count ? y.StillToAnswer(yield.At(k), ahead.LiveAges[index]) : yield.At(k);
            chance += made * none * q;
            none *= 1 - q;
        }
        return chance;
    }

    /// <summary>Chance that a client delivered <paramref name="days"/> before fieldwork closes, on <paramref name="route"/>, responds.</summary>
    private double FreshChance(RouteYields y, ForecastRoute route, double days) => route switch
    {
        ForecastRoute.Email or ForecastRoute.Letter => Chance(y, new Remaining(route, 0, 1 + policy.ReminderCount, [], days)),
        ForecastRoute.Phone => Chance(y, new Remaining(route, 0, policy.MaxCallAttempts, [], days)),
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
        var today = DutchTime.DateOf(input.Now);
        // Each month still to come is delivered by its due day (or now, when late) and has the days from then to the close.
        var freshDays = Enumerable.Range(covered + 1, Math.Max(0, 12 - covered))
            .Select(m => DaysLeft(input.Year, DeliveryDue(input.Year, m) is var due && due > today ? due : today)).DefaultIfEmpty(0).ToList();
        double FreshWith(RouteYields y) => closed ? 0
            : Enum.GetValues<ForecastRoute>().Sum(r => Share(r) * freshDays.Average(d => FreshChance(y, r, d)));

        // Services still to come, from the monthly pattern of the covered months.
        var perMonth = covered == 0 ? 0 : (double)clients.Count(c => c.Einddatum.Month <= covered) / covered;
        var toCome = closed ? 0 : Math.Max(0, perMonth * (12 - covered) - clients.Count(c => c.Einddatum.Month > covered));
        var toComeVariance = closed || covered == 0 ? 0 : toCome + Math.Pow(12 - covered, 2) * perMonth / covered;

        var open = clients.Where(c => c.IsOpen).Select(c => (Client: c, Ahead: closed ? Remaining.None : Ahead(c, input.Year, input.Now))).ToList();
        double Expected(RouteYields y) => responded + open.Sum(o => Chance(y, o.Ahead)) + toCome * FreshWith(y);

        var denominator = ended + toCome;
        double? projected = null, low = null, high = null;
        var responseAtRisk = false;
        if (denominator > 0)
        {
            var fresh = FreshWith(yields);
            var expected = Expected(yields);
            var rate = expected / denominator;
            var binomial = open.Sum(o => Chance(yields, o.Ahead) is var p ? p * (1 - p) : 0) + toCome * fresh * (1 - fresh);
            // Each estimate one sd higher in turn: each mode's pooled yield (all its approach numbers with it), the pace of
            // letters and of calls, and each approach number's own yield (a reminder's rests on fewer approaches than the mode's).
            var raised = new List<RouteYields>
            {
                yields with { Email = yields.Email.Raised() },
                yields with { Letter = yields.Letter.Raised() },
                yields with { Phone = yields.Phone.Raised() },
                yields with { Letter = yields.Letter.RaisedPace() },
                yields with { Phone = yields.Phone.RaisedPace() },
            };
            for (var k = 0; k < yields.Email.Steps.Count; k++) raised.Add(yields with { Email = yields.Email.RaisedAt(k) });
            for (var k = 0; k < yields.Letter.Steps.Count; k++) raised.Add(yields with { Letter = yields.Letter.RaisedAt(k) });
            var parameters = raised.Sum(y => Math.Pow(Expected(y) - expected, 2));
            var variance = (binomial + parameters) / (denominator * denominator)
                + Math.Pow((fresh - rate) / denominator, 2) * toComeVariance;
            // Half a respondent more each side while anything is uncertain: the final figure is a count, the normal range a
            // continuous approximation of it.
            var half = variance > 0 ? settings.RangeZ * Math.Sqrt(variance) + 0.5 / denominator : 0;
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
        Add(ForecastActionKind.CallPhoneOnly, open.Where(c => c.Route == ForecastRoute.Phone && Ahead(c, input.Year, input.Now).Any)
            .Select(_ => yields.Phone.Yield).ToList());
        foreach (var month in missing)
        {
            var clients = (int)Math.Round(perMonth);
            if (clients > 0) actions.Add(new ForecastAction(ForecastActionKind.MissingDelivery, clients, Math.Round(perMonth * fresh, 2), month));
        }
        return actions.OrderByDescending(a => a.ExpectedResponses).ThenBy(a => a.Kind).ToList();
    }
}
