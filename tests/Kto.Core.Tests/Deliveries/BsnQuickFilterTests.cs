using System.Text;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// <see cref="Bsn.LooksLikeBsn(ReadOnlySpan{char})"/> settles most values with one quick pass (a character no BSN has,
/// not eight or nine digits, eight digits in runs no number has) and leaves the rest to the exact check: the quick pass
/// may only say no where the exact check says no as well.
/// </summary>
public sealed class BsnQuickFilterTests
{
    private static readonly string[] Separators = [" ", ".", "-", "\u00A0", "\u2009", "\u2013", "/", "x", "١", ""];

    [Fact]
    public void The_quick_pass_never_rules_out_what_the_exact_check_takes_for_a_BSN()
    {
        var random = new Random(22);
        var (bsns, others) = (0, 0);
        for (var round = 0; round < 20_000; round++)
        {
            var value = Written(random);
            var exact = Bsn.LooksLikeWrittenBsn(value);
            Assert.True(exact == Bsn.LooksLikeBsn(value), $"\"{value}\": exact check {exact}");
            if (exact) bsns++; else others++;
        }
        // Both answers came up often, grouped in thousands as well as by hand: the comparison says something about each.
        Assert.True(bsns > 300 && others > 300, $"{bsns} BSNs, {others} others");
    }

    [Fact]
    public void A_first_character_that_rules_a_BSN_out_does_so_whatever_follows()
    {
        // The row check skips LooksLikeBsn for a value whose first character RuledOutByFirst names: every character
        // (all of UTF-16) before written BSNs, BSN-like values and ordinary text must then be no BSN to it either.
        var random = new Random(23);
        var (ruledOut, kept) = (0, 0);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var first = (char)c;
            var rest = (c % 3) switch { 0 => Written(random), 1 => ValidBsn(random), _ => "" };
            var value = first + rest;
            if (Bsn.RuledOutByFirst(first))
            {
                ruledOut++;
                Assert.False(Bsn.LooksLikeBsn(value), $"U+{c:X4} then \"{rest}\"");
            }
            else kept++;
        }
        // Letters and most ASCII punctuation are ruled out; digits, the separators, the wrappers and non-ASCII are not.
        Assert.True(Bsn.RuledOutByFirst('K') && Bsn.RuledOutByFirst('@') && Bsn.RuledOutByFirst('/'));
        Assert.False(Bsn.RuledOutByFirst('1') || Bsn.RuledOutByFirst(' ') || Bsn.RuledOutByFirst('=') || Bsn.RuledOutByFirst('\'')
            || Bsn.RuledOutByFirst('.') || Bsn.RuledOutByFirst('-') || Bsn.RuledOutByFirst('\u00A0') || Bsn.RuledOutByFirst('\u2013'));
        Assert.True(ruledOut > 50 && kept > 60_000, $"{ruledOut} ruled out, {kept} kept");
        // And a value the check does take for a BSN never starts with such a character.
        for (var round = 0; round < 20_000; round++)
        {
            var value = Written(random);
            if (Bsn.LooksLikeBsn(value)) Assert.False(Bsn.RuledOutByFirst(value[0]), value);
        }
    }

    [Theory]
    [InlineData("12-03-1985")]   // a date: eight digits with a run of four
    [InlineData("0612345678")]   // ten digits
    [InlineData("1234567")]      // seven
    [InlineData("K11122233")]    // a letter
    public void Values_the_quick_pass_settles_are_no_BSN(string value) => Assert.False(Bsn.LooksLikeBsn(value));

    /// <summary>Eight to ten digits (mostly nine or eight), in random groups with random separators, sometimes wrapped as Excel text.</summary>
    private static string Written(Random random)
    {
        var count = random.Next(10) switch { < 5 => 9, < 8 => 8, 8 => 7, _ => 10 };
        var digits = new StringBuilder();
        // A valid BSN now and then: random nine digits pass the 11-proef only one time in eleven.
        if (count == 9 && random.Next(2) == 0) digits.Append(ValidBsn(random));
        else if (count == 8 && random.Next(2) == 0) digits.Append(ValidBsn(random, leadingZero: true)[1..]);
        else for (var i = 0; i < count; i++) digits.Append((char)('0' + random.Next(10)));

        var text = new StringBuilder();
        var groups = random.Next(3) == 0 ? [digits.Length] : Groups(random, digits.Length);
        var at = 0;
        var separator = Separators[random.Next(Separators.Length)];
        foreach (var group in groups)
        {
            if (at > 0) text.Append(random.Next(8) == 0 ? Separators[random.Next(Separators.Length)] : separator);
            text.Append(digits.ToString(at, group));
            at += group;
        }
        var written = text.ToString();
        return random.Next(6) switch
        {
            0 => $"=\"{written}\"",
            1 => "'" + written,
            2 => $" {written}\u200B",
            _ => written,
        };
    }

    /// <summary>Thousands (a first group of one to three, then threes) half of the time, otherwise any split.</summary>
    private static List<int> Groups(Random random, int length)
    {
        var groups = new List<int>();
        if (random.Next(2) == 0)
        {
            var first = length % 3 == 0 ? 3 : length % 3;
            groups.Add(first);
            for (var left = length - first; left > 0; left -= 3) groups.Add(3);
            return groups;
        }
        for (var left = length; left > 0;)
        {
            var group = Math.Min(left, random.Next(1, 5));
            groups.Add(group);
            left -= group;
        }
        return groups;
    }

    private static string ValidBsn(Random random, bool leadingZero = false)
    {
        while (true)
        {
            var candidate = (leadingZero ? "0" : "") + string.Concat(Enumerable.Range(0, leadingZero ? 8 : 9).Select(_ => (char)('0' + random.Next(10))));
            if (Bsn.IsValid(candidate)) return candidate;
        }
    }
}
