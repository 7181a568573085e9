namespace Kto.Core.Forecast;

/// <summary>Response per approach of one mode: responses and approaches counted, and the yield estimated from them.</summary>
/// <param name="Sd">Standard deviation of the estimate: the Beta posterior's (the default as a prior of the prior weight's
/// approaches), sqrt(q(1 − q) / (approaches + prior weight + 1)).</param>
/// <param name="Steps">E-mail and letter: the yield of the invitation (0) and of each reminder, each shrunk towards
/// <paramref name="Yield"/> by the prior weight (reminders usually bring less); empty for phone (every call alike).</param>
/// <param name="StepSds">The same posterior standard deviation per approach number, from that number's own approaches (few
/// data for a late reminder: wide); empty for phone.</param>
/// <param name="Pace">Letters and calls: how many approaches per client per day the bureau makes while some are still
/// due (a Gamma posterior's mean with the default gap as prior); null for e-mail, which the timer sends on schedule.</param>
/// <param name="PaceSd">The pace's standard deviation.</param>
public sealed record ModeYield(int Responses, int Approaches, double Yield, double Sd, IReadOnlyList<double> Steps, IReadOnlyList<double>? StepSds = null,
    double? Pace = null, double PaceSd = 0)
{
    /// <summary>The yield of approach number <paramref name="step"/> (0 = the first) of this mode.</summary>
    public double At(int step) => Steps.Count == 0 ? Yield : Steps[Math.Min(step, Steps.Count - 1)];

    /// <summary>The same yields one standard deviation higher (the range's parameter uncertainty).</summary>
    public ModeYield Raised() => this with { Yield = Math.Min(1, Yield + Sd), Steps = Steps.Select(q => Math.Min(1, q + Sd)).ToList() };

    /// <summary>The same mode at a pace one standard deviation faster (the range's parameter uncertainty).</summary>
    public ModeYield RaisedPace() => this with { Pace = Pace + PaceSd };

    /// <summary>Only approach number <paramref name="step"/>'s yield one of its own standard deviations higher.</summary>
    public ModeYield RaisedAt(int step) => this with
    {
        Steps = Steps.Select((q, k) => k == step && StepSds is { } sds ? Math.Min(1, q + sds[k]) : q).ToList(),
    };
}

/// <summary>The yields per mode the projection uses (<see cref="ResponseForecaster"/>).</summary>
/// <param name="Delays">How soon e-mails and letters are answered; null: every answer at once (no live approach discounted).</param>
public sealed record RouteYields(ModeYield Email, ModeYield Letter, ModeYield Phone, AnswerDelays? Delays = null)
{
    /// <summary>
    /// The chance that an approach of yield <paramref name="q"/>, made <paramref name="age"/> days ago and not answered
    /// yet, still brings an answer: q (1 − F) / (1 − q F), F the share of answers in by that age.
    /// </summary>
    public double StillToAnswer(double q, double age)
    {
        var within = Delays?.AnsweredWithin(age) ?? 0;
        return within >= 1 ? 0 : q * (1 - within) / (1 - q * within);
    }

    public ModeYield For(Fieldwork.ContactMode mode) => mode switch
    {
        Fieldwork.ContactMode.Email => Email,
        Fieldwork.ContactMode.Letter => Letter,
        _ => Phone,
    };
}
