using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Functions.Portal;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// A status with a value in it (a report's latest version or draft date, a letter batch's posting) is a Dutch text the
/// page translates with the value filled in afterwards: in English the whole line reads in English, the date too.
/// </summary>
public sealed class StatusTextsInEnglishTests
{
    private static readonly PortalPageRenderer Renderer = new(new PageTemplates(new LiquidTemplates()), new BureauSettings { Name = "Bureau" });
    private static readonly PortalUser Company = new("hr@acme.example", UserRole.Company, "acme", DateTimeOffset.UnixEpoch, "test");
    private static readonly DateTimeOffset Moment = new(2027, 2, 3, 9, 15, 0, TimeSpan.Zero); // 10:15 in Amsterdam

    [Theory]
    [InlineData("nl", "Ondertekend (laatste versie 2)", "Concept van 3 februari 2027; nog niet ondertekend")]
    [InlineData("en", "Signed (latest version 2)", "Draft of 3 February 2027; not signed yet")]
    public void A_report_status_reads_in_the_page_language(string language, string signed, string draft)
    {
        var page = new ReportsPage(new CompanyHeading("acme", "Acme"),
        [
            new ReportsPage.YearReports(2026, new PageText("Ondertekend (laatste versie {0})", 2), []),
            new ReportsPage.YearReports(2025, new PageText("Concept van {0}; nog niet ondertekend", ShownDate.Day(Moment)), []),
        ]);
        var html = Renderer.Render(new PortalView("reports.liquid", "Rapporten", Company, "token", page) { Language = language }).ToString();

        Assert.Contains(signed, html);
        Assert.Contains(draft, html);
    }

    [Theory]
    [InlineData("nl", "verstuurd 3 feb 2027 10:15 door bureau@example.org")]
    [InlineData("en", "posted 3 Feb 2027 10:15 by bureau@example.org")]
    public void A_posted_letter_batch_says_when_and_by_whom_in_the_page_language(string language, string status)
    {
        var bureau = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");
        var page = new LettersPage(new CompanyHeading("acme", "Acme"), 2027, null, null, null, null, null, false, false, null, "kto.example/k", null, null,
        [
            new LettersPage.ListedBatch("B1", ShownDate.ShortMinute(Moment), "bureau@example.org", 3, 0, false, true,
                new PageText("verstuurd {0} door {1}", ShownDate.ShortMinute(Moment), "bureau@example.org")),
        ]);
        var html = Renderer.Render(new PortalView("letters.liquid", "Brieven", bureau, "token", page) { Language = language }).ToString();

        Assert.Contains(status, html);
    }
}
