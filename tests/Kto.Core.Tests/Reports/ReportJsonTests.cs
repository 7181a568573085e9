using System.Text.Json.Nodes;
using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

public class ReportJsonTests
{
    private static AnnualReport Report() =>
        Builder().Build(Signed(Input(Healthy(Perceel.WerkfitMaken))) with { Conclusion = "Goed verlopen." });

    [Fact]
    public void Json_uses_camelCase_names_perceel_names_and_status_words()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(Report()))!;

        Assert.Equal("acme", (string?)json["companyId"]);
        Assert.Equal("kto-2026-1", (string?)json["questionnaireVersion"]);
        Assert.Equal("2027-03-01", (string?)json["norms"]!["submissionDeadline"]);
        var perceel = json["percelen"]![0]!;
        Assert.Equal("Werkfit maken", (string?)perceel["figures"]!["perceel"]);
        Assert.Equal(20, (int?)perceel["figures"]!["ended"]);
        Assert.Equal(7.5, (double?)perceel["grades"]!["mean"]);
        Assert.Equal(0.4, (double?)perceel["responseRate"]!["proportion"]);
        Assert.True((bool?)perceel["kpiMet"]);
        Assert.Equal("pending", (string?)json["checklist"]!["status"]);
        Assert.Equal("passed", (string?)json["checklist"]!["checks"]![2]!["status"]);
        Assert.Equal("signed", (string?)json["checklist"]!["checks"]![2]!["id"]);
        Assert.Equal("J. de Vries", (string?)json["signature"]!["signedBy"]);
    }

    [Fact]
    public void Json_round_trips()
    {
        var report = Report();

        var back = ReportJson.Deserialize(ReportJson.Serialize(report));

        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(back));
        Assert.Equal(Perceel.WerkfitMaken, back.Percelen[0].Figures.Perceel);
        Assert.Equal(report.Checklist.Status, back.Checklist.Status);
    }
}
