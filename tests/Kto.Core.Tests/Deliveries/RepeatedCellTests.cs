using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The row pass keeps what it read in one row for the next ones (issue 22): a plainly written date is boxed once per
/// day in a fixed number of slots, and the perceel of a spelling already read is found again by reference. Whatever
/// is kept, every row must still read as written.
/// </summary>
public sealed class RepeatedCellTests
{
    [Fact]
    public void Dates_that_share_a_slot_are_each_read_as_written()
    {
        // 4096 days apart: the same slot of the boxed days, taken in turn by one date and the other, row after row.
        var einddatum = new DateOnly(2025, 3, 14);
        var starts = new[] { einddatum.AddDays(-4096), einddatum.AddDays(-2 * 4096), einddatum.AddDays(-1) };
        var lines = new List<string> { Header };
        for (var i = 0; i < 12; i++)
        {
            var start = starts[i % starts.Length];
            var end = i % 2 == 0 ? einddatum : einddatum.AddDays(-1);
            lines.Add(Row(klantnummer: $"K{i}", startdatum: $"{start:dd-MM-yyyy}", einddatum: $"{end:dd-MM-yyyy}"));
        }

        var parsed = ParseCsv([.. lines]);

        Assert.Equal(12, parsed.Rows.Count);
        for (var i = 0; i < 12; i++)
        {
            var service = parsed.Rows[i].Service ?? throw new Xunit.Sdk.XunitException($"row {i} rejected");
            Assert.Equal(starts[i % starts.Length], service.Startdatum);
            Assert.Equal(i % 2 == 0 ? einddatum : einddatum.AddDays(-1), service.Einddatum);
        }
    }

    [Fact]
    public void Each_row_gets_the_perceel_it_names_however_often_a_spelling_comes_back()
    {
        // More spellings than the validator keeps (eight), in turn, plus names that are no perceel in between.
        string[] written =
        [
            "Naar werk", "Werkfit maken", "NAAR WERK", "Praktijkassessment", "naar-werk", "Modulaire Re-integratiediensten",
            "Werkfit", "werkfit maken", "Modulaire re-integratiedienst", "praktijk assessment", "Naarwerk", "Onbekend",
        ];
        Perceel? Expected(string name) => PerceelNames.TryParse(name, out var perceel) ? perceel : null;
        var lines = new List<string> { Header };
        for (var i = 0; i < 60; i++) lines.Add(Row(klantnummer: $"K{i}", perceel: written[(i * 5) % written.Length]));

        var parsed = ParseCsv([.. lines]);

        Assert.Equal(60, parsed.Rows.Count);
        for (var i = 0; i < 60; i++)
        {
            var name = written[(i * 5) % written.Length];
            var row = parsed.Rows[i];
            Assert.Equal(Expected(name), row.Service?.Perceel);
            Assert.Equal(Expected(name) is null, row.Rejections.Any(r => r.Code == DeliveryCodes.UnknownPerceel));
        }
        // Both answers occur, so the test says something about each.
        Assert.Contains(parsed.Rows, row => row.Service is null);
        Assert.Equal(4, parsed.Rows.Where(row => row.Service is not null).Select(row => row.Service!.Perceel).Distinct().Count());
    }
}
