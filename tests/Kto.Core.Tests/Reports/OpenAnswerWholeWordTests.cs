using System.Text;
using System.Text.RegularExpressions;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// The redactor takes a client's name parts out as whole words with a plain scan (a regex per client's word cost more
/// to build than to run). The scan must find exactly what the whole-word pattern it replaced finds: compared here on
/// generated answers full of near misses (the word inside another word, beside digits, in other cases, accented).
/// </summary>
public sealed class OpenAnswerWholeWordTests
{
    private static readonly string[] Pieces =
        ["Jan", "jan", "JAN", "Jansen", "jansen", "Janneke", "Bas", "bas", "Ölçer", "ölçer", "Ben", "ben", "Al", "al",
         " ", " ", ", ", ". ", "-", "'", "’", "3", "12", "é", "ß", "_", "\n", "(", ")", "[verwijderd]", "Jan5", "5Jan", "xJan", "Janx"];

    private static readonly string[] Words = ["Jan", "jan", "Bas", "Ölçer", "Al", "Ben", "Jansen", "an"];

    [Fact]
    public void The_scan_finds_what_the_whole_word_pattern_finds()
    {
        var random = new Random(20261207);
        for (var n = 0; n < 5_000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 14); i > 0; i--) text.Append(Pieces[random.Next(Pieces.Length)]);
            var word = Words[random.Next(Words.Length)];
            var ignoreCase = random.Next(2) == 0;

            Assert.Equal(Pattern(text.ToString(), word, ignoreCase), OpenAnswerRedactor.WholeWord(text.ToString(), word, ignoreCase));
        }
    }

    [Theory]
    [InlineData("Jan en jan en JAN", "jan", true, "[verwijderd] en [verwijderd] en [verwijderd]")]
    [InlineData("Jan en jan en JAN", "jan", false, "Jan en [verwijderd] en JAN")]
    [InlineData("Jansen, Jan5 en xJan", "Jan", false, "Jansen, Jan5 en xJan")]
    [InlineData("Jan", "Jan", false, "[verwijderd]")]
    [InlineData("JanJan Jan", "Jan", false, "JanJan [verwijderd]")]
    public void A_word_is_taken_out_only_where_it_stands_alone(string text, string word, bool ignoreCase, string expected) =>
        Assert.Equal(expected, OpenAnswerRedactor.WholeWord(text, word, ignoreCase));

    /// <summary>The whole-word pattern the redactor used before the scan (the oracle).</summary>
    private static string Pattern(string text, string word, bool ignoreCase) =>
        Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", OpenAnswerRedactor.Marker,
            ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.CultureInvariant);
}
