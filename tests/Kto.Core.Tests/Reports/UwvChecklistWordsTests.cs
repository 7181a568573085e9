using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>What the checklist tells the bureau where the status alone does not say it: after the deadline a report signed in time waits for its submission date, before it the report is on schedule; and an unset bureau or a late signature is named.</summary>
public sealed class UwvChecklistWordsTests
{
    private static UwvCheck Check(string id, AnnualReportInput input, BureauInfo? bureau = null) =>
        Builder(bureau: bureau).Build(input).Checklist[id];

    [Fact]
    public void After_the_deadline_a_report_signed_in_time_asks_for_its_submission_date()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input() with { GeneratedAt = At(2027, 3, 5) }, At(2027, 2, 20)));

        Assert.Equal(UwvCheckStatus.Pending, check.Status);
        Assert.Equal("Het rapport is op tijd ondertekend (20 februari 2027). Of UWV het op tijd ontving, kan dit systeem niet zien: " +
            "het bedrijf dient het in via CLMS. Leg de datum van indienen vast.", check.Explanation);
    }

    [Fact]
    public void Before_the_deadline_a_signed_report_is_on_schedule()
    {
        var check = Check(UwvCheckIds.OnTime, Signed(Input() with { GeneratedAt = At(2027, 2, 25) }, At(2027, 2, 20)));

        Assert.Equal("Op schema. Het bedrijf moet het ondertekende rapport uiterlijk 1 maart 2027 indienen via CLMS.", check.Explanation);
    }

    [Fact]
    public void A_bureau_without_a_name_is_told_so()
    {
        var check = Check(UwvCheckIds.BureauMembership, Input(), new BureauInfo(" ", "VBO"));

        Assert.Equal((UwvCheckStatus.Failed, "De naam van het onderzoeksbureau is niet ingesteld."), (check.Status, check.Explanation));
    }

    [Fact]
    public void An_unsigned_report_past_the_deadline_names_the_deadline()
    {
        var check = Check(UwvCheckIds.Signed, Input() with { GeneratedAt = At(2027, 3, 2) });

        Assert.Equal("Het rapport is niet ondertekend en de deadline van 1 maart 2027 is voorbij.", check.Explanation);
    }
}
