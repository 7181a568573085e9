using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Forecast;

/// <summary>Moments and attempts the forecast tests share: measurement year 2026, Dutch summer time.</summary>
internal static class ForecastFixtures
{
    public static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    /// <summary>"Now" in the forecast tests: 15 October 2026, noon, with two and a half months of fieldwork left.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 12, 0, 0, Cest);

    /// <summary>Noon of that day in 2026.</summary>
    public static DateTimeOffset Day(int month, int day) => new(2026, month, day, 12, 0, 0, Cest);

    /// <summary>A client's attempts of 2026, in order: the first is step 0 (the invitation), the next ones its reminders.</summary>
    public static List<ContactAttempt> Attempts(string id, (ContactMode Mode, DateTimeOffset At, AttemptOutcome Outcome)[] attempts) =>
        attempts.Select((a, i) => new ContactAttempt(new ServiceRef("acme", 2026, id), new ContactStep(i), a.Mode, a.At, a.Outcome)).ToList();
}
