using System.Text.RegularExpressions;
using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Functions.Portal;
using Kto.Infrastructure.Templates;
using Kto.TestSupport;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// A title, notice or error composed in code with a value in it ("Leveringen {0}" and a company's name) is a
/// <see cref="PageText"/>: the page translates the text and then fills in the values, so an English page reads it in
/// English (before, such a text was one Dutch string the catalog could not know), and the values stay encoded.
/// </summary>
public sealed partial class PageTextTests
{
    private static readonly LiquidTemplates Liquid = new();
    private static readonly PortalPageRenderer Renderer = new(new PageTemplates(Liquid), new BureauSettings { Name = "Bureau" });
    private static readonly PortalUser Bureau = new("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");

    private static string Render(PageText title, string language) =>
        Renderer.Render(new PortalView("message.liquid", title, Bureau, "token", new MessagePage("Kop", "Tekst", null, null)) { Language = language }).ToString();

    [Theory]
    [InlineData("nl", "<title>Leveringen &lt;b&gt;Acme &amp; Co&lt;/b&gt; –")]
    [InlineData("en", "<title>Deliveries &lt;b&gt;Acme &amp; Co&lt;/b&gt; –")]
    public void A_title_with_a_value_reads_in_the_page_language_with_the_value_encoded(string language, string title) =>
        Assert.Contains(title, Render(new PageText("Leveringen {0}", "<b>Acme & Co</b>"), language));

    [Theory]
    [InlineData("nl", "<title>Vastgelegd: ingetrokken. –", "<title>Concept van 3 februari 2027; nog niet ondertekend –")]
    [InlineData("en", "<title>Recorded: withdrawn. –", "<title>Draft of 3 February 2027; not signed yet –")]
    public void A_value_that_is_a_text_or_a_date_is_written_in_the_page_language_too(string language, string nested, string dated)
    {
        Assert.Contains(nested, Render(new PageText("Vastgelegd: {0}.", new PageText("ingetrokken")), language));
        Assert.Contains(dated, Render(new PageText("Concept van {0}; nog niet ondertekend", ShownDate.Day(new DateTimeOffset(2027, 2, 3, 9, 0, 0, TimeSpan.Zero))), language));
    }

    [Fact]
    public void Outside_a_page_a_text_reads_in_Dutch_with_its_values_in() =>
        Assert.Equal("Voortgang 2026", new PageText("Voortgang {0}", 2026).ToString());

    /// <summary>Every text the portal's code composes as a <see cref="PageText"/> has its English in the catalog.</summary>
    [Fact]
    public void Every_text_composed_in_the_portals_code_has_English()
    {
        var code = Path.Combine(RepoPaths.Root, "functions", "Kto.Functions");
        var texts = Directory.GetFiles(code, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Composed().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["text"].Value)))
            .Distinct().ToList();
        Assert.True(texts.Count >= 15, $"only {texts.Count} composed texts found: is the pattern still right?");
        // A text of values and punctuation alone reads the same in every language.
        var missing = texts.Where(t => Regex.IsMatch(Regex.Replace(t, @"\{\d+\}", ""), @"\p{L}") && !Liquid.Texts.Has("en", t)).ToList();
        Assert.True(missing.Count == 0, "composed texts without English: " + string.Join(" | ", missing));
    }

    [GeneratedRegex(@"new PageText\(\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Composed();
}
