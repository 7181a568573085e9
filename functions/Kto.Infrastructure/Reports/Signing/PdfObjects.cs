using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// Just enough PDF reading for an incremental update: the cross-reference tables (following /Prev), the trailer,
/// one object's dictionary text, the page tree down to the last page, and top-level dictionary entries.
/// </summary>
public sealed partial class PdfObjects
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly byte[] pdf;
    private readonly Dictionary<int, long> offsets = [];

    private PdfObjects(byte[] pdf) => this.pdf = pdf;

    public int Root { get; private set; }
    public int Size { get; private set; }
    /// <summary>The trailer's /Info value (e.g. <c>1 0 R</c>), if any.</summary>
    public string? Info { get; private set; }
    /// <summary>The trailer's /ID array, if any.</summary>
    public string? Id { get; private set; }
    public long StartXref { get; private set; }

    public static PdfObjects Read(byte[] pdf)
    {
        var document = new PdfObjects(pdf);
        var tail = Latin1.GetString(pdf, Math.Max(0, pdf.Length - 1024), Math.Min(1024, pdf.Length));
        var start = StartXrefPattern().Matches(tail) is { Count: > 0 } m ? m[^1] : throw new FormatException("No startxref: not a PDF.");
        document.StartXref = long.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture);

        // Newest section first; an object keeps the offset of the newest section that lists it.
        var section = document.StartXref;
        var seen = new HashSet<long>();
        var first = true;
        while (section >= 0 && seen.Add(section))
        {
            var trailer = document.ReadXrefSection(section);
            if (first)
            {
                document.Root = Reference(Value(trailer, "Root") ?? throw new FormatException("The trailer has no /Root."));
                document.Size = int.Parse(Value(trailer, "Size") ?? throw new FormatException("The trailer has no /Size."), CultureInfo.InvariantCulture);
                document.Info = Value(trailer, "Info");
                document.Id = Value(trailer, "ID");
                first = false;
            }
            section = Value(trailer, "Prev") is { } prev ? long.Parse(prev, CultureInfo.InvariantCulture) : -1;
        }
        return document;
    }

    /// <summary>Reads one classic xref section into <see cref="offsets"/>; returns its trailer dictionary.</summary>
    private string ReadXrefSection(long at)
    {
        var end = IndexOf("trailer", at);
        if (end < 0 || !Latin1.GetString(pdf, (int)at, 4).Equals("xref", StringComparison.Ordinal))
            throw new NotSupportedException("The PDF uses a cross-reference stream; only classic xref tables are supported.");
        var lines = Latin1.GetString(pdf, (int)at + 4, (int)(end - at - 4)).Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int number = 0;
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2) { number = int.Parse(parts[0], CultureInfo.InvariantCulture); continue; }
            if (parts.Length == 3 && parts[2] == "n") offsets.TryAdd(number, long.Parse(parts[0], CultureInfo.InvariantCulture));
            number++;
        }
        var trailerStart = IndexOf("<<", end);
        return Latin1.GetString(pdf, (int)trailerStart, End(Latin1.GetString(pdf, (int)trailerStart, (int)Math.Min(4096, pdf.Length - trailerStart)), 0));
    }

    /// <summary>The dictionary text (<c>&lt;&lt; … &gt;&gt;</c>) of object <paramref name="number"/>; a stream object is refused.</summary>
    public string Dictionary(int number)
    {
        if (!offsets.TryGetValue(number, out var at)) throw new FormatException($"Object {number} is not in the cross-reference table.");
        var endobj = IndexOf("endobj", at);
        var text = Latin1.GetString(pdf, (int)at, (int)(endobj - at));
        var header = ObjectHeader().Match(text);
        if (!header.Success || header.Groups[1].Value != number.ToString(CultureInfo.InvariantCulture))
            throw new FormatException($"Object {number} is not where the cross-reference table says.");
        var body = text[header.Length..].Trim();
        if (!body.StartsWith("<<", StringComparison.Ordinal) || End(body, 0) != body.Length)
            throw new NotSupportedException($"Object {number} is not a plain dictionary.");
        return body;
    }

    /// <summary>The object number of the document's last page, following the last kid of each page tree node.</summary>
    public int LastPage()
    {
        var node = Reference(Value(Dictionary(Root), "Pages") ?? throw new FormatException("The catalog has no /Pages."));
        for (var depth = 0; depth < 64; depth++)
        {
            var dict = Dictionary(node);
            if (Value(dict, "Type") == "/Page") return node;
            var kids = Value(dict, "Kids") ?? throw new FormatException($"Page tree node {node} has no /Kids.");
            var last = ReferencePattern().Matches(kids) is { Count: > 0 } refs ? refs[^1].Value : throw new FormatException("Empty page tree.");
            node = Reference(last);
        }
        throw new FormatException("The page tree is too deep.");
    }

    /// <summary>The text of a top-level entry's value in a dictionary, or null when the key is not there.</summary>
    public static string? Value(string dict, string key)
    {
        foreach (var (k, start, end) in Entries(dict))
            if (k == key) return dict[start..end];
        return null;
    }

    /// <summary>The dictionary with one entry added at its start.</summary>
    public static string WithEntry(string dict, string key, string value) => "<</" + key + " " + value + "\n" + dict[2..];

    /// <summary>The dictionary with an existing entry's value replaced.</summary>
    public static string Replace(string dict, string key, string value)
    {
        foreach (var (k, start, end) in Entries(dict))
            if (k == key) return dict[..start] + value + dict[end..];
        throw new KeyNotFoundException(key);
    }

    /// <summary>A text string: UTF-16BE with a byte order mark, as hex, so any name or accent survives.</summary>
    public static string Text(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    /// <summary>A PDF date (D:YYYYMMDDHHmmSS+HH'mm') in UTC.</summary>
    public static string Date(DateTimeOffset value) => "(D:" + value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00')";

    private static int Reference(string value)
    {
        var m = ReferencePattern().Match(value);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new FormatException($"Not a reference: {value}");
    }

    /// <summary>Top-level keys of a dictionary with the span of each value.</summary>
    private static IEnumerable<(string Key, int Start, int End)> Entries(string dict)
    {
        var i = 2;
        while (true)
        {
            i = SkipSpace(dict, i);
            if (i >= dict.Length || dict[i] == '>') yield break;
            if (dict[i] != '/') throw new FormatException("A dictionary key is not a name.");
            var keyEnd = i + 1;
            while (keyEnd < dict.Length && !IsDelimiter(dict[keyEnd])) keyEnd++;
            var key = dict[(i + 1)..keyEnd];
            var start = SkipSpace(dict, keyEnd);
            var end = End(dict, start);
            yield return (key, start, end);
            i = end;
        }
    }

    /// <summary>The index just past the object that starts at <paramref name="i"/>.</summary>
    private static int End(string s, int i)
    {
        if (s.AsSpan(i).StartsWith("<<") || s[i] == '[')
        {
            var depth = 0;
            while (i < s.Length)
            {
                if (s.AsSpan(i).StartsWith("<<")) { depth++; i += 2; }
                else if (s.AsSpan(i).StartsWith(">>")) { depth--; i += 2; }
                else if (s[i] == '[') { depth++; i++; }
                else if (s[i] == ']') { depth--; i++; }
                else if (s[i] is '(' or '<') { i = End(s, i); continue; }
                else i++;
                if (depth == 0) return i;
            }
            throw new FormatException("An unterminated dictionary or array.");
        }
        if (s[i] == '(')
        {
            var depth = 0;
            for (; i < s.Length; i++)
            {
                if (s[i] == '\\') { i++; continue; }
                if (s[i] == '(') depth++;
                else if (s[i] == ')' && --depth == 0) return i + 1;
            }
            throw new FormatException("An unterminated string.");
        }
        if (s[i] == '<') return s.IndexOf('>', i) + 1;
        var j = i + 1;
        while (j < s.Length && !IsDelimiter(s[j])) j++;
        // An indirect reference "12 0 R" is one value.
        var reference = ReferenceAt().Match(s, i);
        return reference.Success ? i + reference.Length : j;
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '/' or '<' or '>' or '[' or ']' or '(' or ')' or '%';

    private long IndexOf(string token, long from)
    {
        var index = pdf.AsSpan((int)from).IndexOf(Latin1.GetBytes(token));
        return index < 0 ? -1 : from + index;
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"^(\d+)\s+(\d+)\s+obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"(\d+)\s+\d+\s+R")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\G\d+\s+\d+\s+R\b")]
    private static partial Regex ReferenceAt();
}
