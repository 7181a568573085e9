using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// Figures that cannot be true never make a report: every negative count on its own, and the message says which
/// perceel and which figures. Beside them the small lookups a report's files and its check page read.
/// </summary>
public sealed class ReportInputChecksTests
{
    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void Any_negative_count_alone_is_refused(int ended, int approached, int responded)
    {
        var figures = Healthy() with { Ended = ended, Approached = approached, Responded = responded, Grades = [] };

        var refused = Assert.Throws<ArgumentException>(() => Builder().BuildPerceel(figures));

        Assert.StartsWith("Naar werk: counts cannot be negative.", refused.Message);
    }

    [Fact]
    public void Impossible_figures_are_refused_with_the_figures_named()
    {
        Assert.StartsWith("Naar werk: 9 responded but only 8 services ended.",
            Assert.Throws<ArgumentException>(() => Builder().BuildPerceel(Healthy() with { Ended = 8, Responded = 9 })).Message);
        Assert.StartsWith("Naar werk: more grades (8) than respondents (7).",
            Assert.Throws<ArgumentException>(() => Builder().BuildPerceel(Healthy() with { Responded = 7 })).Message);
        Assert.StartsWith("Naar werk: responses per month needs 12 numbers.",
            Assert.Throws<ArgumentException>(() => Builder().BuildPerceel(Healthy() with { ResponsesPerMonth = [1, 2, 3] })).Message);
    }

    [Fact]
    public void A_perceel_twice_in_one_report_is_refused_by_name()
    {
        var refused = Assert.Throws<ArgumentException>(() => Builder().Build(Input(Healthy(), Healthy())));

        Assert.StartsWith("Perceel Naar werk appears twice.", refused.Message);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(3, true)]
    [InlineData(2, true)]
    [InlineData(4, false)]
    public void A_version_is_the_latest_unless_a_newer_one_was_signed(int? latest, bool isLatest)
    {
        var signedAt = new DateTimeOffset(2027, 2, 10, 12, 0, 0, TimeSpan.Zero);
        var report = new VerifiedReport("Acme", 2026, 3, signedAt,
            Latest: latest is { } version ? new VerifiedReport.LatestVersion(version, signedAt) : null);

        Assert.Equal(isLatest, report.IsLatest);
    }

    [Fact]
    public void Each_population_change_has_its_dutch_words_and_an_unknown_one_is_shown_as_it_is()
    {
        Assert.Equal(["ingetrokken", "naar een ander perceel", "uit een ander perceel", "einddatum gecorrigeerd", "iets-anders"],
            PopulationChange.AllChanges.Append("iets-anders").Select(PopulationChange.DutchChange));
    }

    [Fact]
    public void Each_report_file_has_its_content_type_and_no_other_name_has_one()
    {
        Assert.Equal(["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/json; charset=utf-8"],
            ReportFileNames.All.Select(ReportFileNames.ContentType));
        Assert.Null(ReportFileNames.ContentType("report.txt"));
    }
}
