using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Survey;

namespace Kto.Bench.Support;

/// <summary>
/// A made-up company year for the forecast's backtest: every client with the whole history it will have (delivery,
/// approaches, answer, opt-out), so the year can be cut at any moment (<see cref="At"/>) and its final rate is known.
/// Deliberately not the forecast's own model: e-mail and letter yields fall with each reminder, the bureau posts letters
/// and calls only now and then, deliveries come on varying days, some months late, and months differ in size.
/// </summary>
public sealed class GeneratedYear
{
    public const int Year = 2026;
    private static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    private sealed record Client(string Id, Perceel Perceel, DateOnly Einddatum, DateTimeOffset DeliveredAt, ForecastRoute Route,
        List<ContactAttempt> Attempts, DateTimeOffset? RespondedAt, ResponseMode? RespondedBy, DateTimeOffset? OptedOutAt);

    private readonly List<Client> clients = [];
    public List<DateTimeOffset> Deliveries { get; } = [];
    public string Description { get; }

    public GeneratedYear(int seed)
    {
        var random = new Random(seed);
        double Between(double low, double high) => low + random.NextDouble() * (high - low);

        // Response per approach: e-mail falls by a factor per reminder; letters likewise; calls flat.
        var email = Between(0.08, 0.35);
        var emailDecay = Between(0.45, 1.0);
        var letter = Between(0.04, 0.25);
        var letterDecay = Between(0.5, 1.0);
        var phone = Between(0.08, 0.35);
        var optOut = Between(0, 0.03);
        // How dutifully the bureau posts letters and calls (the forecast assumes it does all it can).
        var letterDiligence = Between(0.5, 1.0);
        var callDiligence = Between(0.4, 1.0);
        var emailShare = Between(0.45, 0.95);
        var letterShare = Between(0, 1 - emailShare);
        var unreachableShare = Between(0, 0.05);
        var percelen = PerceelNames.All.Where(_ => random.NextDouble() < 0.7).DefaultIfEmpty(Perceel.NaarWerk).ToList();
        var size = percelen.ToDictionary(p => p, _ => Between(2, 30));
        var seasonal = Between(0, 0.5);
        Description = $"e-mail {email:F2}×{emailDecay:F2}^n, letter {letter:F2}×{letterDecay:F2}^n, phone {phone:F2}; e-mail share {emailShare:F2}";

        var n = 0;
        for (var month = 1; month <= 12; month++)
        {
            // The delivery of month m comes in month m + 1, on a varying day; one in eight a month late (with the next).
            var late = random.NextDouble() < 0.125 && month < 12;
            var due = new DateOnly(Year, month, 1).AddMonths(late ? 2 : 1).AddDays(random.Next(0, 14));
            var deliveredAt = new DateTimeOffset(due.ToDateTime(new TimeOnly(11, 0)), Offset);
            Deliveries.Add(deliveredAt);
            foreach (var perceel in percelen)
            {
                var mean = size[perceel] * (1 + seasonal * Math.Sin(month / 12.0 * 2 * Math.PI + seed));
                var count = Poisson(random, Math.Max(0.2, mean));
                for (var i = 0; i < count; i++)
                {
                    var end = new DateOnly(Year, month, random.Next(1, DateTime.DaysInMonth(Year, month) + 1));
                    var roll = random.NextDouble();
                    var route = roll < unreachableShare ? ForecastRoute.Unreachable
                        : roll < unreachableShare + emailShare ? ForecastRoute.Email
                        : roll < unreachableShare + emailShare + letterShare ? ForecastRoute.Letter : ForecastRoute.Phone;
                    clients.Add(Simulate($"s{n++}", perceel, end, deliveredAt, route, random, email, emailDecay, letter, letterDecay, phone, optOut,
                        letterDiligence, callDiligence));
                }
            }
        }
    }

    private static Client Simulate(string id, Perceel perceel, DateOnly end, DateTimeOffset deliveredAt, ForecastRoute route, Random random,
        double email, double emailDecay, double letter, double letterDecay, double phone, double optOut, double letterDiligence, double callDiligence)
    {
        var closes = new DateTimeOffset(Year + 1, 2, 1, 0, 0, 0, Offset);
        var service = new ServiceRef("gen", Year, id);
        var attempts = new List<ContactAttempt>();
        DateTimeOffset? responded = null, optedOut = null;
        ResponseMode? by = null;

        // One approach: recorded, then perhaps an answer within the week, perhaps an opt-out.
        bool Approach(ContactMode mode, DateTimeOffset at, double yield, AttemptOutcome outcome, ResponseMode answerMode, double answerDays)
        {
            if (at >= closes) return false;
            attempts.Add(new ContactAttempt(service, new ContactStep(attempts.Count(a => a.Mode == mode)), mode, at, outcome));
            if (random.NextDouble() < yield)
            {
                responded = at.AddHours(random.NextDouble() * answerDays * 24 + 0.1);
                by = answerMode;
                return true;
            }
            if (mode != ContactMode.Phone && random.NextDouble() < optOut) { optedOut = at.AddDays(1); return true; }
            return false;
        }

        switch (route)
        {
            case ForecastRoute.Email:
                var invited = deliveredAt.AddDays(1);
                for (var step = 0; step < 3; step++)
                    if (Approach(ContactMode.Email, invited.AddDays(7 * step), email * Math.Pow(emailDecay, step), AttemptOutcome.Sent, ResponseMode.Web, 6.5)) break;
                break;
            case ForecastRoute.Letter:
                // The bureau makes a batch every two weeks or so, and not every due letter goes out.
                var at = deliveredAt.AddDays(random.Next(2, 15));
                for (var step = 0; step < 3 && at < closes; )
                {
                    if (random.NextDouble() < letterDiligence)
                    {
                        if (Approach(ContactMode.Letter, at, letter * Math.Pow(letterDecay, step), AttemptOutcome.Sent,
                                random.NextDouble() < 0.5 ? ResponseMode.Paper : ResponseMode.Web, 6.5)) break;
                        step++;
                    }
                    at = at.AddDays(random.Next(7, 15));
                }
                break;
            case ForecastRoute.Phone:
                var call = deliveredAt.AddDays(random.Next(1, 10));
                for (var calls = 0; calls < 5 && call < closes; call = call.AddDays(random.Next(2, 12)))
                {
                    if (random.NextDouble() > callDiligence) continue;
                    calls++;
                    if (Approach(ContactMode.Phone, call, phone, AttemptOutcome.Reached, ResponseMode.Phone, 0.01)) break;
                    attempts[^1] = attempts[^1] with { Outcome = AttemptOutcome.NoAnswer };
                }
                break;
        }
        return new Client(id, perceel, end, deliveredAt, route, attempts, responded, by, optedOut);
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }

    /// <summary>The year as the system would hold it at <paramref name="now"/>: what was delivered, done and answered by then.</summary>
    public ForecastInput At(DateTimeOffset now)
    {
        var known = clients.Where(c => c.DeliveredAt <= now).Select(c =>
        {
            var attempts = c.Attempts.Where(a => a.At <= now).ToList();
            var answered = c.RespondedAt <= now;
            var emails = attempts.Where(a => a.Mode == ContactMode.Email).ToList();
            var status = answered ? ServiceStatus.Responded : c.OptedOutAt <= now ? ServiceStatus.OptedOut : ServiceStatus.Open;
            var state = new ContactState(status, c.Route == ForecastRoute.Email, false, emails.Count, emails.Count == 0 ? null : emails[0].At, null);
            return new ForecastClient(c.Id, c.Perceel, c.Einddatum, c.Route, state, attempts,
                answered ? c.RespondedAt : null, answered ? c.RespondedBy : null, answered ? 8 : null);
        }).ToList();
        return new ForecastInput("gen", Year, now, known, Deliveries.Where(d => d <= now).ToList());
    }

    /// <summary>The final response rate of each perceel (every client delivered, fieldwork closed).</summary>
    public IReadOnlyDictionary<Perceel, (int Ended, double Rate)> Final() =>
        clients.GroupBy(c => c.Perceel).ToDictionary(g => g.Key, g => (g.Count(), (double)g.Count(c => c.RespondedAt is not null) / g.Count()));
}
