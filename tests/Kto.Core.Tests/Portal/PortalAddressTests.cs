using Kto.Core.Portal;

namespace Kto.Core.Tests.Portal;

/// <summary>
/// The portal addresses the pages link to, as the routes in Kto.Functions/Portal serve them: a changed address is a
/// dead link. Every id and file name is one escaped path segment, so a typed value cannot point elsewhere.
/// </summary>
public sealed class PortalAddressTests
{
    [Fact]
    public void The_fixed_pages()
    {
        Assert.Equal(("/portal", "/portal/sign-in", "/portal?uit=1", "/portal?sessie=verlopen", "/portal/account", "/portal/bureau"),
            (PortalUrls.Home, PortalUrls.SignInLink, PortalUrls.SignedOut, PortalUrls.SessionEnded, PortalUrls.Account, PortalUrls.Bureau));
    }

    [Fact]
    public void A_companys_own_pages()
    {
        Assert.Equal("/portal/companies/acme", PortalUrls.Company("acme"));
        Assert.Equal("/portal/companies/acme/keurmerk/2026/keurmerk", PortalUrls.Keurmerk("acme", 2026));
    }

    [Fact]
    public void The_bureaus_pages_of_a_company_and_year()
    {
        Assert.Equal("/portal/bureau/fieldwork?year=2026", PortalUrls.FieldworkOverview(2026));
        Assert.Equal("/portal/bureau/fieldwork/acme?year=2026", PortalUrls.Fieldwork("acme", 2026));
        Assert.Equal("/portal/bureau/population/acme?year=2026", PortalUrls.Population("acme", 2026));
        Assert.Equal("/portal/bureau/calls/acme?year=2026", PortalUrls.Calls("acme", 2026));
        Assert.Equal("/portal/bureau/calls/acme/s-1?year=2026", PortalUrls.Call("acme", "s-1", 2026));
        Assert.Equal("/portal/bureau/reports/acme?year=2026", PortalUrls.Report("acme", 2026));
        Assert.Equal("/portal/bureau/reports/acme/open-answers?year=2026", PortalUrls.OpenAnswers("acme", 2026));
        Assert.Equal("/portal/bureau/reports/acme/2026/draft/report.pdf?concept=abc123", PortalUrls.DraftPdf("acme", 2026, "abc123"));
        Assert.Equal("/portal/bureau/reports/acme/2026/exemption/naar-werk", PortalUrls.ExemptionLetter("acme", 2026, "naar-werk"));
    }

    [Fact]
    public void Ids_and_query_values_are_escaped_so_they_stay_one_segment_or_one_value()
    {
        Assert.Equal("/portal/bureau/calls/a%2Fb/K%2012%3F?year=2026", PortalUrls.Call("a/b", "K 12?", 2026));
        Assert.Equal("/portal/bureau/reports/acme/2026/draft/report.pdf?concept=a%26b%3Dc", PortalUrls.DraftPdf("acme", 2026, "a&b=c"));
        Assert.Equal("K%2012%26x%3D1", PortalUrls.Query("K 12&x=1"));
    }
}
