using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Functions.Portal;
using Kto.Infrastructure.Portal;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// The bureau overview's first view (issue 22): a company whose figures are still being counted in the background shows
/// that it is being counted — not "nooit geleverd", not "Niets te doen" — and the page says how many are left.
/// </summary>
public sealed class BureauOverviewCountingPageTests
{
    private static readonly PortalPageRenderer Renderer = new(new LiquidTemplates(), new BureauSettings { Name = "Bureau" });

    [Theory]
    [InlineData("nl", "De cijfers worden nog geteld: 1 van de 2 bedrijven.", "De cijfers worden geteld…")]
    [InlineData("en", "The figures are still being counted: 1 of the 2 companies.", "Counting the figures…")]
    public void A_company_still_being_counted_says_so_instead_of_figures_and_actions(string lang, string notice, string counting)
    {
        var page = new BureauOverviewPage(2026, "24 nov 2026 09:00", false, null, false, Counting: 1, [], "40%", "7,0", 75,
        [
            Row("acme", "Acme", counting: false),
            Row("beta", "Beta", counting: true),
        ]);
        var user = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");

        var html = Renderer.Render(new PortalView("bureau-overview.liquid", "Overzicht", user, "token", page) { Language = lang });

        Assert.Contains(notice, html);
        var beta = html[html.IndexOf("id=\"company-beta\"", StringComparison.Ordinal)..];
        var acme = html[html.IndexOf("id=\"company-acme\"", StringComparison.Ordinal)..html.IndexOf("id=\"company-beta\"", StringComparison.Ordinal)];
        Assert.Contains(counting, beta);
        Assert.DoesNotContain(counting, acme);
        // The counted company shows its delivery line and actions; the one being counted neither (it is not known yet).
        Assert.Contains("3 nov 2026", acme);
        Assert.DoesNotContain("3 nov 2026", beta);
        Assert.Contains("/portal/companies/beta", beta); // its links stay usable meanwhile
    }

    private static BureauOverviewPage.CompanyRow Row(string id, string name, bool counting) =>
        new(id, name, $"/portal/companies/{id}", $"/portal/companies/{id}/progress", $"/portal/bureau/fieldwork/{id}",
            $"/portal/bureau/reports/{id}", counting ? "nooit" : "3 nov 2026", !counting, [], [], null, counting);
}
