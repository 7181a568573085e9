using Kto.Core.Portal;

namespace Kto.Core.Tests.Portal;

/// <summary>The portal's addresses as the routes in Kto.Functions/Portal serve them, with path segments escaped.</summary>
public sealed class PortalUrlsTests
{
    [Fact]
    public void A_delivered_file_name_is_escaped_as_one_path_segment()
    {
        Assert.Equal("/portal/companies/acme/deliveries/levering%20maart%20%232.xlsx", PortalUrls.Receipt("acme", "levering maart #2.xlsx"));
        Assert.Equal("/portal/companies/acme/deliveries/a%2Fb.csv/receipt.json", PortalUrls.ReceiptFile("acme", "a/b.csv", "json"));
    }

    [Fact]
    public void Company_and_bureau_pages_carry_the_year_when_given()
    {
        Assert.Equal("/portal/companies/acme/progress", PortalUrls.Progress("acme"));
        Assert.Equal("/portal/companies/acme/progress?year=2026", PortalUrls.Progress("acme", 2026));
        Assert.Equal("/portal/bureau/fieldwork", PortalUrls.FieldworkOverview());
        Assert.Equal("/portal/bureau/fieldwork/acme/letters?year=2026", PortalUrls.Letters("acme", 2026));
        Assert.Equal("/portal/bureau/companies/acme/answers/s-1?year=2026&mode=paper", PortalUrls.Answers("acme", "s-1", 2026, "paper"));
        Assert.Equal("/portal/companies/acme/reports/2026/3/report.pdf", PortalUrls.ReportFile("acme", 2026, 3, "pdf"));
    }

    [Fact]
    public void An_asset_address_carries_its_version_so_a_changed_file_gets_a_new_address()
    {
        Assert.Equal("/portal/assets/portal.css?v=0123456789ab", PortalUrls.Asset("portal.css", "0123456789ab"));
        Assert.NotEqual(PortalUrls.Asset("portal.css", "0123456789ab"), PortalUrls.Asset("portal.css", "ba9876543210"));
    }
}
