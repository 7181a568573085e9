using System.Buffers;
using Kto.Core.Deliveries;
using MimeKit;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// E-mail validation skips the MimeKit parse for plain addresses (issue 22). These tests hold its answers equal to
/// the validation before that shortcut: the plain check followed by MimeKit for every address, copied below as it was.
/// </summary>
public class EmailValidationEquivalenceTests
{
    /// <summary>
    /// Tricky addresses with what the MimeKit-based validation decided for each before the shortcut. Hyphens at a
    /// label's edge pass (MimeKit takes them); lower-case punycode does not (MimeKit gives back the Unicode form).
    /// </summary>
    public static TheoryData<string, bool> Pinned => new()
    {
        { "jan@example.nl", true },
        { "J.de.Vries+kto@Sub.Example.COM", true },
        { "a@b.nl", true },
        { "a_b%c+d-e@x-y.example.nl", true },
        { "1234@123.example.nl", true },
        { "jan.@example.nl", false },
        { ".jan@example.nl", false },
        { "jan@-example.nl", true },
        { "jan@example-.nl", true },
        { "jan@.example.nl", false },
        { "jan@ex--ample.nl", true },
        { "jan@xn--bcher-kva.nl", false },
        { "jan@XN--bcher-kva.nl", true },
        { "jan!#$&'*/=?^`{|}~@example.nl", true },
        { "jan\\x@example.nl", false },
        { "zoë@example.nl", true },
        { "jan@exämple.nl", true },
        { "\"jan\"@example.nl", false },
        { "jan(x)@example.nl", false },
        { "jan@example..nl", false },
        { "jan..de@example.nl", false },
        { "jan@example.n1", false },
        { "jan@example.n", false },
        { "jan@sub_domain.nl", false },
        { "jan@@example.nl", false },
        { "@example.nl", false },
        { "jan@", false },
        { "jan@example", false },
        { "jan example@example.nl", false },
        { "jan\u00A0@example.nl", false },
        { "jan\u200B@example.nl", false },
        { "jan\u0085@example.nl", false },
        { "jan\u0001@example.nl", false },
        { "Jan <jan@example.nl>", false },
        { "jan@[127.0.0.1]", false },
        { "jan@example.nl.", false },
        { "-jan-@example.nl", true },
        { "jan@1.2.3.nl", true },
        { new string('a', 64) + "@example.nl", true },
        { new string('a', 65) + "@example.nl", true },
        { new string('a', 240) + "@example.nl", true },
        { new string('a', 244) + "@example.nl", false },
        { "jan@" + new string('b', 64) + ".nl", true },
        { "jan@a.b.c.d.e.f.g.h.nl", true },
        { "j%n@example.nl", true },
        { "+@example.nl", true },
        { "_@example.nl", true },
        { "-@example.nl", true },
        { "jan@-.nl", true },
        { "jan@a-.b.nl", true },
    };

    [Theory]
    [MemberData(nameof(Pinned))]
    public void A_tricky_address_is_judged_as_the_MimeKit_based_validation_judged_it(string email, bool before)
    {
        Assert.Equal(before, ValidatedAsBefore(email));
        Assert.Equal(before, EmailAddresses.IsValid(email));
        Assert.True(before || !EmailAddresses.IsPlainValid(email), "the one-pass check accepts what was refused");
    }

    [Fact]
    public void Generated_addresses_are_judged_as_the_MimeKit_based_validation_judges_them()
    {
        // Mostly plain addresses (the shortcut's shape), mixed with every character near its edges.
        const string plain = "abcXYZ019._%+-";
        const string edge = "abcXYZ019._%+-.-!#$&'*/=?^`{|}~\\\"()<>,;:[] \u00E9\u00EB\u0131\u00A0\u200B\u0001\u007Fx";
        var random = new Random(22);
        var compared = 0;
        var accepted = 0;
        var acceptedInOnePass = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var alphabet = i % 3 == 0 ? edge : plain;
            var local = Word(random, alphabet, random.Next(1, 12));
            var domain = string.Join('.', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Word(random, i % 5 == 0 ? edge : "abc019-", random.Next(1, 8))));
            var tld = i % 7 == 0 ? Word(random, "nlNL1-", random.Next(1, 4)) : "nl";
            var email = $"{local}@{domain}.{tld}";
            if (i % 11 == 0) email = "xn--" + email[Math.Min(4, email.IndexOf('@'))..].Replace("@", "@xn--");
            var before = ValidatedAsBefore(email);
            Assert.True(before == EmailAddresses.IsValid(email), $"different answer for \"{email}\" (before: {before})");
            // The one-pass check may only say yes where the validation said yes; its no hands the address on.
            var plainYes = EmailAddresses.IsPlainValid(email);
            Assert.True(!plainYes || before, $"one-pass check accepts \"{email}\", the validation refused it");
            compared++;
            if (before) accepted++;
            if (plainYes) acceptedInOnePass++;
        }
        // The comparison covered both answers in numbers, and the one-pass check answered for many addresses itself.
        Assert.Equal(40_000, compared);
        Assert.InRange(accepted, 5_000, 35_000);
        Assert.True(acceptedInOnePass > accepted / 3, $"{acceptedInOnePass} of {accepted} accepted in one pass");
    }

    [Fact]
    public void The_plain_check_answers_as_the_one_pass_loop_it_replaced()
    {
        // The plain check became a few searches instead of a loop over every character: it must say yes to exactly
        // the same addresses, or it would hand different ones to the rules (and MimeKit).
        var random = new Random(2207);
        var addresses = Pinned.Select(row => (string)row[0]).ToList();
        const string alphabet = "abXY09._%+-@@..--!\"( )\u00E9\u0131\u00A0";
        for (var i = 0; i < 60_000; i++)
        {
            if (i % 2 == 0)
            {
                // A plain address, and every other one with one character replaced by an awkward one.
                var email = $"{Word(random, "abXY09_%+-", random.Next(1, 8))}.{Word(random, "ab-", random.Next(1, 4))}@" +
                    $"{Word(random, "ab09", random.Next(1, 6))}-{Word(random, "ab-", random.Next(1, 4))}.{Word(random, "ab09", random.Next(1, 5))}.nl";
                var at = random.Next(email.Length);
                addresses.Add(i % 4 == 0 ? email[..at] + alphabet[random.Next(alphabet.Length)] + email[(at + 1)..] : email);
                continue;
            }
            var local = Word(random, i % 3 == 0 ? "abXY09._%+-" : alphabet, random.Next(0, 10));
            var host = Word(random, i % 5 == 0 ? alphabet : "ab09.-", random.Next(0, 12));
            var tld = Word(random, i % 7 == 0 ? "nlNL1-." : "nl", random.Next(0, 4));
            addresses.Add(i % 9 == 0 ? local + host + tld : $"{local}@{host}.{tld}");
        }
        addresses.Add(new string('a', 250) + "@b.nl");
        addresses.Add(new string('a', 249) + "@b.nl");
        var yes = 0;
        foreach (var email in addresses)
        {
            var before = PlainValidAsBefore(email);
            Assert.True(before == EmailAddresses.IsPlainValid(email), $"different answer for \"{email}\" (before: {before})");
            if (before) yes++;
        }
        // Both answers came up often enough for the comparison to mean something.
        Assert.InRange(yes, 5_000, addresses.Count - 5_000);
    }

    /// <summary>The plain check as it was: one pass over the characters with tables.</summary>
    private static bool PlainValidAsBefore(string email)
    {
        if (email.Length > 254) return false;
        int at = -1, lastDot = -1;
        var previous = '\0';
        for (var i = 0; i < email.Length; i++)
        {
            var c = email[i];
            if (c >= 0x80) return false;
            if (c == '@')
            {
                if (at >= 0 || i == 0 || previous == '.') return false;
                at = i;
            }
            else if (at < 0)
            {
                if (!PlainLocalBefore.Contains(c) || (c == '.' && (i == 0 || previous == '.'))) return false;
            }
            else
            {
                if (!PlainDomainBefore.Contains(c)) return false;
                if (c is '.' or '-' && previous is '@' or '.' or '-') return false;
                if (c == '.') lastDot = i;
            }
            previous = c;
        }
        if (at < 0 || lastDot < 0 || previous is '.' or '-' or '@' || email.Length - lastDot - 1 < 2) return false;
        foreach (var c in email.AsSpan(lastDot + 1))
            if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    private const string PlainLocalBefore = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-";
    private const string PlainDomainBefore = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-";

    private static string Word(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        });

    // ---- The validation as it was before issue 22: the plain check, then MimeKit for every address. ----

    private static readonly SearchValues<char> NotInAddress = SearchValues.Create("@<>(),;:\"[] \t\n\v\f\r");
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool ValidatedAsBefore(string? email)
    {
        if (email is null || email.Length > 254 || email.Contains("..", StringComparison.Ordinal)) return false;
        var at = email.IndexOf('@');
        if (at <= 0) return false;
        ReadOnlySpan<char> local = email.AsSpan(0, at), domain = email.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || domain.Length - dot - 1 < 2 || domain[(dot + 1)..].ContainsAnyExcept(AsciiLetters)) return false;
        return Allowed(local) && Allowed(domain) && !domain.Contains('_')
            && MailboxAddress.TryParse(ParserOptions.Default, email, out var mailbox)
            && string.Equals(mailbox.Address, email, StringComparison.Ordinal);
    }

    private static bool Allowed(ReadOnlySpan<char> part)
    {
        if (part.ContainsAny(NotInAddress)) return false;
        if (System.Text.Ascii.IsValid(part)) return !part.ContainsAnyInRange('\u0000', '\u001F') && !part.Contains('\u007F');
        foreach (var c in part)
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
                return false;
        return true;
    }
}
