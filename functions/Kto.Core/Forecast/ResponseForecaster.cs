using Kto.Core.Fieldwork;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Forecast;

/// <summary>
/// The forecast model, pure so it can be worked by hand and backtested. Per perceel:
/// <list type="number">
/// <item>Yield per mode q: every e-mail, letter and call is one try; a response counts for the last approach before it.
/// q = (responses + weight × default) / (approaches + weight). An e-mail or letter younger than the response window
/// is not yet a failed try: it is still "live".</item>
/// <item>Open clients: the approaches their route still has (e-mail and letter: 1 + reminders, phone: the call limit;
/// unreachable and after fieldwork closes: none); chance of a response 1 − (1 − q)^remaining.</item>
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
    public DateOnly DeliveryDue(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(settings.DeliveryDueDay - 1);

    public RouteYields Yields(IReadOnlyList<ForecastClient> clients, DateTimeOffset now)
    {
        int[] responses = new int[3], tries = new int[3];
        foreach (var client in clients)
        {
            var approaches = Approaches(client);
            if (client.RespondedAt is { } answeredAt)
            {
                var before = approaches.Where(a => a.At <= answeredAt).ToList();
                foreach (var a in before) tries[(int)a.Mode]++;
                var mode = before.Count > 0 ? before[^1].Mode : ModeOf(client.RespondedBy ?? ResponseMode.Web);
                responses[(int)mode]++;
                if (before.Count == 0) tries[(int)mode]++;
            }
            else
            {
                foreach (var a in approaches.Where(a => !IsLive(a, now))) tries[(int)a.Mode]++;
            }
        }
        return new RouteYields(
            Yield(responses[0], tries[0], settings.DefaultEmailYield),
            Yield(responses[1], tries[1], settings.DefaultLetterYield),
            Yield(responses[2], tries[2], settings.DefaultPhoneYield));
    }

    private ModeYield Yield(int responses, int tries, double fallback)
    {
        var weight = settings.PriorWeight;
        var q = (responses + weight * fallback) / (tries + weight);
        return new ModeYield(responses, tries, q, Math.Sqrt(q * (1 - q) / (tries + weight)));
    }

    private static ContactMode ModeOf(ResponseMode answered) => answered switch
    {
        ResponseMode.Phone => ContactMode.Phone,
        ResponseMode.Paper => ContactMode.Letter,
        _ => ContactMode.Email,
    };

    private static List<ContactAttempt> Approaches(ForecastClient client) =>
        client.Attempts.Where(a => AttemptOutcomes.CountsAsApproach(a.Outcome)).OrderBy(a => a.At).ToList();

    /// <summary>An e-mail or letter the client may still answer; a call is answered (or not) on the spot.</summary>
    private bool IsLive(ContactAttempt approach, DateTimeOffset now) =>
        approach.Mode != ContactMode.Phone && now - approach.At < TimeSpan.FromDays(settings.ResponseWindowDays);

    /// <summary>Approaches the client's route still has, counting a live one as still to be answered.</summary>
    private int Remaining(ForecastClient client, DateTimeOffset now)
    {
        var approaches = Approaches(client);
        int Done(ContactMode mode) => approaches.Count(a => a.Mode == mode && !IsLive(a, now));
        return client.Route switch
        {
            ForecastRoute.Email => Math.Max(0, 1 + policy.ReminderCount - Done(ContactMode.Email)),
            ForecastRoute.Letter => Math.Max(0, 1 + policy.ReminderCount - Done(ContactMode.Letter)),
            ForecastRoute.Phone => CallingEnded(client) ? 0
                : Math.Max(0, policy.MaxCallAttempts - client.Attempts.Count(a => a.Mode == ContactMode.Phone)),
            _ => 0,
        };
    }

    private static bool CallingEnded(ForecastClient client) =>
        client.Attempts.Any(a => a.Mode == ContactMode.Phone && AttemptOutcomes.EndsCalling(a.Outcome));

    private static double Chance(double q, int tries) => 1 - Math.Pow(1 - q, tries);

    private static double YieldOf(RouteYields y, ForecastRoute route) => route switch
    {
        ForecastRoute.Email => y.Email.Yield,
        ForecastRoute.Letter => y.Letter.Yield,
        ForecastRoute.Phone => y.Phone.Yield,
        _ => 0,
    };

    /// <summary>Chance that a client delivered now, on <paramref name="route"/>, responds with every approach still ahead.</summary>
    private double FreshChance(RouteYields y, ForecastRoute route) => route switch
    {
        ForecastRoute.Email or ForecastRoute.Letter => Chance(YieldOf(y, route), 1 + policy.ReminderCount),
        ForecastRoute.Phone => Chance(y.Phone.Yield, policy.MaxCallAttempts),
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

        var open = clients.Where(c => c.IsOpen).Select(c => (Client: c, Remaining: closed ? 0 : Remaining(c, input.Now))).ToList();
        double Expected(RouteYields y) => responded + open.Sum(o => Chance(YieldOf(y, o.Client.Route), o.Remaining)) + toCome * FreshWith(y);

        var denominator = ended + toCome;
        double? projected = null, low = null, high = null;
        var responseAtRisk = false;
        if (denominator > 0)
        {
            var fresh = FreshWith(yields);
            var expected = Expected(yields);
            var rate = expected / denominator;
            var binomial = open.Sum(o => Chance(YieldOf(yields, o.Client.Route), o.Remaining) is var p ? p * (1 - p) : 0) + toCome * fresh * (1 - fresh);
            var parameters = new[]
            {
                yields with { Email = Shifted(yields.Email) },
                yields with { Letter = Shifted(yields.Letter) },
                yields with { Phone = Shifted(yields.Phone) },
            }.Sum(y => Math.Pow(Expected(y) - expected, 2));
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

    private static ModeYield Shifted(ModeYield y) => y with { Yield = Math.Min(1, y.Yield + y.Sd) };

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
        void Add(ForecastActionKind kind, int clients, double yield, int? month = null)
        {
            if (clients > 0) actions.Add(new ForecastAction(kind, clients, Math.Round(clients * yield, 2), month));
        }

        var emailDue = open.Where(c => c.Route == ForecastRoute.Email)
            .Select(c => policy.DueEmailStep(c.State, input.Year, input.Now)).OfType<ContactStep>().ToList();
        Add(ForecastActionKind.SendInvitations, emailDue.Count(s => s.IsInvitation), yields.Email.Yield);
        Add(ForecastActionKind.SendReminders, emailDue.Count(s => !s.IsInvitation), yields.Email.Yield);
        Add(ForecastActionKind.PostLetters, open.Count(c => c.Route == ForecastRoute.Letter && policy.DueLetter(
            c.Attempts.Where(a => a.Mode == ContactMode.Letter && a.Outcome == AttemptOutcome.Sent).Select(a => a.At).ToList(), input.Year, input.Now) is not null),
            yields.Letter.Yield);
        Add(ForecastActionKind.CallPhoneOnly, open.Count(c => c.Route == ForecastRoute.Phone && Remaining(c, input.Now) > 0), yields.Phone.Yield);
        foreach (var month in missing)
        {
            var clients = (int)Math.Round(perMonth);
            if (clients > 0) actions.Add(new ForecastAction(ForecastActionKind.MissingDelivery, clients, Math.Round(perMonth * fresh, 2), month));
        }
        return actions.OrderByDescending(a => a.ExpectedResponses).ThenBy(a => a.Kind).ToList();
    }
}
