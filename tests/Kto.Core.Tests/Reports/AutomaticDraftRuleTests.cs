using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

public class AutomaticDraftRuleTests
{
    private readonly InMemoryReportArchive archive = new();
    private readonly InMemoryCompanyStore companies = new();
    private readonly FieldworkSettings fieldwork = new();
    private readonly ReportSettings settings = new();

    public AutomaticDraftRuleTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme", At(2026, 1, 1)), "h", default).Wait();
        companies.TryAddAsync(new Company("beta", "Beta", At(2026, 1, 1)), "h", default).Wait();
    }

    private Task<int?> YearAt(DateTimeOffset now) =>
        new AutomaticDraftRule(settings, new ContactPolicy(fieldwork), companies, archive, new FakeTimeProvider(now)).YearToDraftAsync(default);

    /// <summary>The morning after last year's fieldwork closed, in <paramref name="year"/>.</summary>
    private DateTimeOffset AfterLastYearsFieldwork(int year) =>
        new(new ContactPolicy(fieldwork).FieldworkCloses(year - 1).AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);

    private Task DraftAsync(string company, int year) =>
        archive.SaveDraftAsync(company, year, new ReportFiles([1], [2], [(byte)company[0]]), new ReportDraftInputs(company, "v", At(year + 1, 1, 1), []), "ok", default);

    [Fact]
    public async Task Last_year_is_drafted_once_its_fieldwork_closed_while_a_company_has_no_draft()
    {
        var now = AfterLastYearsFieldwork(2027);
        Assert.Null(await YearAt(now.AddDays(-2))); // fieldwork of 2026 still open
        Assert.Equal(2026, await YearAt(now));

        await DraftAsync("acme", 2026);
        Assert.Equal(2026, await YearAt(now)); // beta has none yet
        await DraftAsync("beta", 2026);
        Assert.Null(await YearAt(now));
    }

    [Fact]
    public async Task Nothing_is_drafted_when_the_setting_is_off()
    {
        settings.DraftPreviousYearAutomatically = false;

        Assert.Null(await YearAt(AfterLastYearsFieldwork(2027)));
    }
}
