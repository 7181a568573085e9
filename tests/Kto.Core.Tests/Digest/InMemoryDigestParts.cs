using System.Collections.Concurrent;
using Kto.Core.Digest;
using Kto.Core.Forecast;
using Kto.Core.Portal;

namespace Kto.Core.Tests.Digest;

/// <summary>The digest's ports in memory: forecasts handed in per company, delivery histories, the ledger (create-only), and a mailer that records or refuses.</summary>
public sealed class InMemoryDigestParts : ICompanyForecasts, IDeliveryHistory, IDigestLedger, IDigestMailer
{
    public Dictionary<string, CompanyForecast> Forecasts { get; } = new();
    public Dictionary<string, List<DeliveryEntry>> Deliveries { get; } = new();
    public ConcurrentDictionary<string, DateTimeOffset> Claims { get; } = new();
    public List<WeeklyDigest> Digests { get; } = [];
    public List<DeliveryReminder> Reminders { get; } = [];
    /// <summary>Addresses the "mail server" refuses.</summary>
    public HashSet<string> Refuse { get; } = [];

    public Task<CompanyForecast> ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult(Forecasts.TryGetValue(company, out var f) ? f : new CompanyForecast(company, year, DateTimeOffset.UnixEpoch, [], Yields));

    public Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryEntry>>(Deliveries.GetValueOrDefault(company) ?? []);

    public Task<bool> TryClaimAsync(string kind, string period, string email, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Claims.TryAdd($"{kind}|{period}|{email}", at));

    public Task ReleaseAsync(string kind, string period, string email, CancellationToken cancellationToken)
    {
        Claims.TryRemove($"{kind}|{period}|{email}", out _);
        return Task.CompletedTask;
    }

    public Task<bool> SendDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        if (Refuse.Contains(digest.Recipient.Email)) return Task.FromResult(false);
        Digests.Add(digest);
        return Task.FromResult(true);
    }

    public Task<bool> SendDeliveryReminderAsync(DeliveryReminder reminder, CancellationToken cancellationToken)
    {
        if (Refuse.Contains(reminder.Recipient.Email)) return Task.FromResult(false);
        Reminders.Add(reminder);
        return Task.FromResult(true);
    }

    public static readonly RouteYields Yields = new(new ModeYield(0, 0, 0.15, 0.05, []), new ModeYield(0, 0, 0.1, 0.05, []), new ModeYield(0, 0, 0.2, 0.05, []));

    /// <summary>A forecast with one perceel (Naar werk) as given.</summary>
    public static CompanyForecast Forecast(string company, int ended, int responded, double low, double high, bool atRisk, params ForecastAction[] actions) =>
        new(company, 2026, DateTimeOffset.UnixEpoch,
            [new PerceelForecast(Perceel.NaarWerk, ended, responded, ended == 0 ? 0 : (double)responded / ended, 0.3, ended, (low + high) / 2, low, high, 8,
                atRisk, false, actions)], Yields);
}
