using System.Text.RegularExpressions;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Interviews;
using Kto.Core.Letters;
using Kto.Core.Population;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Functions.Companies;
using Kto.Functions.Interviews;
using Kto.Functions.Letters;
using Kto.Functions.Population;
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

    /// <summary>
    /// A title handed to the frame as an interpolated string is one Dutch text the catalog cannot know (it converts to a
    /// <see cref="PageText"/> without values): every title with a value in it is a <see cref="PageText"/>.
    /// </summary>
    [Fact]
    public void No_page_title_is_an_interpolated_string()
    {
        var portal = Path.Combine(RepoPaths.Root, "functions", "Kto.Functions", "Portal");
        var interpolated = Directory.GetFiles(portal, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => InterpolatedTitle().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.True(interpolated.Count == 0, "titles written as interpolated strings: " + string.Join(" | ", interpolated));
    }

    [GeneratedRegex(@"gate\.(?:Page|View)\(visitor, ""[^""]+"", \$""[^""]*""")]
    private static partial Regex InterpolatedTitle();

    /// <summary>
    /// The refusals the API and the portal share (the answer tables, the user service's) are shown on portal pages: each
    /// one, every outcome, has its English, and so does every text among its values.
    /// </summary>
    [Fact]
    public void Every_refusal_a_portal_page_can_show_has_English()
    {
        var messages = new List<PageText>();
        foreach (var outcome in Enum.GetValues<CorrectionOutcome>().Where(o => o != CorrectionOutcome.Done))
            messages.AddRange([CorrectionAnswers.For(outcome, withdraw: true).Message, CorrectionAnswers.For(outcome, withdraw: false).Message]);
        foreach (var outcome in new[] { LetterBatchService.PostOutcome.NotReady, LetterBatchService.PostOutcome.Replaced, LetterBatchService.PostOutcome.UnknownBatch })
            messages.Add(LetterPostAnswers.For(outcome, "B1").Message);
        messages.AddRange(Enum.GetValues<RegistrationError>().Select(e => RegistrationAnswers.For(e, "acme").Message));
        messages.AddRange(Enum.GetValues<AnswerEntryOutcome>().Where(o => o != AnswerEntryOutcome.Stored).Select(o => AnswerEntryAnswers.For(o).Message));
        var userService = File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "Kto.Core", "Accounts", "Users", "UserService.cs"));
        var refusals = UserRefusal().Matches(userService).Select(m => new PageText(Regex.Unescape(m.Groups["text"].Value))).ToList();
        Assert.True(refusals.Count >= 6, $"only {refusals.Count} user refusals found: is the pattern still right?");
        messages.AddRange(refusals);

        var missing = messages.SelectMany(Texts).Where(t => !Liquid.Texts.Has("en", t)).Distinct().ToList();
        Assert.True(missing.Count == 0, "refusals without English: " + string.Join(" | ", missing));
    }

    [Theory]
    [InlineData("nl", "<title>Geef de naam van het bedrijf op: hoogstens 200 tekens, zonder regeleinden")]
    [InlineData("en", "<title>Give the company&#39;s name: at most 200 characters, without line breaks")]
    public void A_refusal_with_a_rule_in_it_reads_in_the_page_language(string language, string title) =>
        Assert.Contains(title, Render(RegistrationAnswers.For(RegistrationError.InvalidName, "acme").Message, language));

    /// <summary>The text and every text among its values.</summary>
    private static IEnumerable<string> Texts(PageText text) =>
        [text.Text, .. text.Values.OfType<PageText>().SelectMany(Texts)];

    [GeneratedRegex(@"UserChange\.Invalid\(""[a-z-]+"", (?:new PageText\()?""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex UserRefusal();

    [GeneratedRegex(@"new PageText\(\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Composed();
}
