using System.Text;
using System.Text.RegularExpressions;
using Kto.Core;
using Kto.Core.Deliveries;
using Kto.Core.Operations;
using Kto.Core.Settings;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// A company that reads the portal in English reads its receipt in English too, row messages included, and the bureau
/// its overview's attention list: Core writes each message in Dutch with its values in (<see cref="DeliveryMessages"/>,
/// <see cref="AttentionTexts"/>), and the page translates it with those values kept. The receipt files stay Dutch (the contract).
/// </summary>
public sealed partial class WrittenMessagesInEnglishTests
{
    private static readonly LiquidTemplates Templates = new();

    [Theory]
    [InlineData(typeof(DeliveryMessages), 40)]
    [InlineData(typeof(AttentionTexts), 8)]
    public void Every_written_message_has_English_that_keeps_its_values(Type holder, int atLeast)
    {
        var untranslated = new List<string>();
        var all = WrittenMessages.Of(holder);
        foreach (var pattern in all)
        {
            var values = Placeholder().Matches(pattern).Select(m => (object)$"«waarde {m.Groups[1].Value}»").Distinct().ToArray();
            var written = WrittenMessages.Format(pattern, values);
            var english = Templates.Texts.TranslateMessage("en", written);
            if (english == written || values.Any(v => !english.Contains((string)v))) untranslated.Add(written);
        }
        Assert.True(untranslated.Count == 0, "no English (or a value lost) for: " + string.Join(" | ", untranslated));
        Assert.True(all.Count >= atLeast, $"only {all.Count} messages found in {holder.Name}: the list is read from its fields");
    }

    /// <summary>What the real checks write on a file full of mistakes: a message written outside DeliveryMessages fails here.</summary>
    [Fact]
    public void Every_message_the_checks_write_on_a_bad_file_reads_in_English()
    {
        var today = DateTime.UtcNow;
        var csv = string.Join("\n",
            "klantnummer;perceel;einddatum;startdatum;email;telefoon;notitie;klantnummer",
            $"1;Werkfit maken;01-02-{today.Year};31-02-2024;geen-adres;;x;9",
            $";Naar werk;01-02-{today.Year};;a@b.nl;;;",
            $"3;Onbekend;01-02-{today.Year};;a@b.nl;;;",
            $"4;;01-02-{today.Year};;a@b.nl;;;",
            $"5;Naar werk;;;a@b.nl;;;",
            $"6;Naar werk;99-99-9999;;a@b.nl;;;",
            $"7;Naar werk;01-01-{today.Year + 2};;a@b.nl;;;",
            $"8;Naar werk;01-01-{today.Year - 3};;a@b.nl;;;",
            $"{new string('9', 1001)};Naar werk;01-02-{today.Year};;a@b.nl;;;",
            $"10;Naar werk;01-02-{today.Year};;;0612345678;;");
        var parser = new DeliveryParser(new DeliverySettings());
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var inspection = parser.Inspect(content, "levering.csv");
        Assert.Null(inspection.Refusal);
        var messages = inspection.Warnings.Select(w => w.Message)
            .Concat(parser.ReadRows(content, "levering.csv", inspection, DateOnly.FromDateTime(today)).SelectMany(r => r.Rejections.Concat(r.Warnings)).Select(i => i.Message))
            .Distinct().ToList();
        Assert.True(messages.Count >= 10, "the file should draw at least ten different messages: " + string.Join(" | ", messages));

        var dutch = messages.Where(m => Templates.Texts.TranslateMessage("en", m) == m).ToList();
        Assert.True(dutch.Count == 0, "still Dutch in English: " + string.Join(" | ", dutch));
    }

    [Fact]
    public void The_receipt_page_in_English_shows_the_row_messages_in_English_and_encodes_the_values()
    {
        var written = WrittenMessages.Format(DeliveryMessages.BsnColumn, "<b>nr</b>");
        Dictionary<string, object?> Values(string lang) => new()
        {
            ["lang"] = lang, ["file"] = "levering.csv", ["xlsx_url"] = "/x", ["csv_url"] = "/c", ["json_url"] = "/j",
            ["company"] = new Dictionary<string, object?> { ["id"] = "acme", ["name"] = "Acme", ["deliveries_url"] = "/d" },
            ["receipt"] = new Dictionary<string, object?>
            {
                ["refused"] = false, ["rows"] = 2, ["accepted"] = 1, ["duplicates"] = 0, ["rejected_count"] = 1, ["processed"] = "1 december 2026 om 10:00",
                ["rejected"] = new List<object> { Issue("2", WrittenMessages.Format(DeliveryMessages.EinddatumTooOld, 2025)) },
                ["warnings"] = new List<object> { Issue("3", DeliveryMessages.ClientNoEmail), Issue("–", written) },
            },
        };
        static Dictionary<string, object?> Issue(string row, string message) =>
            new() { ["row"] = row, ["column"] = "einddatum", ["klantnummer"] = "k1", ["message"] = message };

        var english = Templates.Render("Portal/receipt.liquid", Values("en"), html: true);
        Assert.Contains(">The end date is before 2025. Services from earlier measurement years are no longer surveyed.</td>", english);
        Assert.Contains(">No e-mail address: the client is approached by letter or phone.</td>", english);
        Assert.Contains("The column ‘&lt;b&gt;nr&lt;/b&gt;’ contains citizen service numbers (BSN).", english);
        Assert.DoesNotContain("<b>nr</b>", english);
        Assert.DoesNotContain("einddatum ligt", english);

        var dutch = Templates.Render("Portal/receipt.liquid", Values("nl"), html: true);
        Assert.Contains(">De einddatum ligt vóór 2025. Diensten uit eerdere meetjaren worden niet meer onderzocht.</td>", dutch);
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
