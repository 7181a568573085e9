using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Digest;
using Kto.Core.Forecast;

namespace Kto.Core.Tests.Digest;

/// <summary>What a company's block in the digest says, and who sees which blocks.</summary>
public sealed class DigestComposerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 7, 30, 0, TimeSpan.Zero);
    private static readonly Company Acme = new("acme", "Acme", Monday);

    private static PerceelForecast Perceel(Perceel perceel, int ended, double? projected, params ForecastAction[] actions) =>
        new(perceel, ended, ended / 4, 0.25, 0.3, ended, projected, projected - 0.05, projected + 0.05, 7.5, false, false, actions);

    private static CompanyForecast Forecast(params PerceelForecast[] percelen) =>
        new("acme", 2026, Monday, percelen, InMemoryDigestParts.Yields);

    [Fact]
    public void A_perceel_without_ended_services_shows_only_when_something_is_expected_of_it()
    {
        var digest = DigestComposer.ForCompany(Acme, Forecast(
            Perceel(Kto.Core.Perceel.NaarWerk, 8, 0.3),
            Perceel(Kto.Core.Perceel.WerkfitMaken, 0, null),
            Perceel(Kto.Core.Perceel.Praktijkassessment, 0, 0.2)), null);

        Assert.Equal(["Naar werk", "Praktijkassessment"], digest.Percelen.Select(p => p.Perceel));
    }

    [Fact]
    public void The_top_three_actions_bring_the_most_responses_each_with_its_expectation_in_Dutch()
    {
        var digest = DigestComposer.ForCompany(Acme, Forecast(
            Perceel(Kto.Core.Perceel.NaarWerk, 8, 0.3,
                new ForecastAction(ForecastActionKind.PostLetters, 6, 0.6),
                new ForecastAction(ForecastActionKind.SendReminders, 12, 2.46)),
            Perceel(Kto.Core.Perceel.WerkfitMaken, 4, 0.3,
                new ForecastAction(ForecastActionKind.MissingDelivery, 5, 9.0, Month: 11),
                new ForecastAction(ForecastActionKind.CallPhoneOnly, 4, 0.8),
                new ForecastAction(ForecastActionKind.SendInvitations, 1, 0.2))), null);

        Assert.Equal([("Naar werk", 12, "2,5"), ("Werkfit maken", 4, "0,8"), ("Naar werk", 6, "0,6")],
            digest.Actions.Select(a => (a.Perceel, a.Clients, a.Expected)));
        Assert.Equal(["november"], digest.MissingMonths); // said once, not among the actions
    }

    [Fact]
    public void Missing_months_are_named_once_each_in_calendar_order_and_only_with_a_month()
    {
        var digest = DigestComposer.ForCompany(Acme, Forecast(
            Perceel(Kto.Core.Perceel.NaarWerk, 8, 0.3,
                new ForecastAction(ForecastActionKind.MissingDelivery, 5, 1, Month: 10),
                new ForecastAction(ForecastActionKind.MissingDelivery, 5, 1, Month: 9)),
            Perceel(Kto.Core.Perceel.WerkfitMaken, 4, 0.3,
                new ForecastAction(ForecastActionKind.MissingDelivery, 5, 1, Month: 10),
                new ForecastAction(ForecastActionKind.MissingDelivery, 5, 1))), null);

        Assert.Equal(["september", "oktober"], digest.MissingMonths);
    }

    [Fact]
    public void A_company_user_sees_only_their_own_company_and_no_digest_when_it_is_not_there()
    {
        var blocks = new[] { Block("acme", "Acme", false), Block("beta", "Beta", true) };
        var user = new PortalUser("anna@acme.nl", UserRole.Company, "acme", Monday, "test");

        Assert.Equal(["acme"], DigestComposer.For(user, "2026-W50", 2026, blocks)!.Companies.Select(c => c.CompanyId));
        Assert.Null(DigestComposer.For(user with { CompanyId = "gamma" }, "2026-W50", 2026, blocks));
        Assert.Null(DigestComposer.For(new PortalUser("piet@bureau.nl", UserRole.Bureau, null, Monday, "test"), "2026-W50", 2026, []));
    }

    private static CompanyDigest Block(string id, string name, bool atRisk) => new(id, name, atRisk, [], [], null, []);
}
