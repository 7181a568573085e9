using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// The texts of the pages for people in other languages than Dutch, mapping the Dutch text (the key, as it stands in
/// the template) to its translation. Each portal page folder brings its own file, <c>texts.{lang}.json</c>, which the
/// build places under <c>Templates/Texts/{folder}/</c>; a file <c>{lang}.json</c> there counts too. Together they are
/// one catalog per language: a text two files give different translations is an error at start, naming both files.
/// A text the catalog lacks stays Dutch, so a new page works before it has its English.
/// Templates use it as the filter <c>{{ "Dutch text {0}" | t: value }}</c>, and <c>{{ message | t_message }}</c> for a
/// message Core wrote with its values already in (a receipt's row message).
/// </summary>
public sealed partial class TextCatalog
{
    public const string Dutch = "nl";

    private readonly Dictionary<string, Dictionary<string, (string Text, string File)>> languages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Regex Dutch, string Translated)[]> patterns = new(StringComparer.Ordinal);

    public TextCatalog(string templatesRoot)
    {
        var folder = Path.Combine(templatesRoot, "Texts");
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{file} is not a JSON object of texts.");
            // "texts.en.json" and "en.json" are both English.
            var name = Path.GetFileNameWithoutExtension(file);
            var language = name[(name.LastIndexOf('.') + 1)..];
            if (!languages.TryGetValue(language, out var catalog)) languages[language] = catalog = new(StringComparer.Ordinal);
            foreach (var (dutch, translated) in texts.Where(kv => !kv.Key.StartsWith('_')))
            {
                if (catalog.TryGetValue(dutch, out var earlier) && earlier.Text != translated)
                    throw new InvalidDataException($"\"{dutch}\" has two translations: in {earlier.File} and in {file}.");
                catalog[dutch] = (translated, file);
            }
        }
    }

    /// <summary>The languages with a catalog (Dutch needs none).</summary>
    public IReadOnlyCollection<string> Languages => languages.Keys;

    /// <summary>The text in <paramref name="language"/>, else the Dutch one; <c>{0}</c>, <c>{1}</c> … filled in.</summary>
    public string Translate(string? language, string dutch, params object?[] arguments)
    {
        var text = language is not null && language != Dutch && languages.TryGetValue(language, out var texts) && texts.TryGetValue(dutch, out var translated)
            ? translated.Text
            : dutch;
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }

    /// <summary>
    /// A message written with its values in (<c>Het bestand heeft meer dan 5000 rijen.</c>) in <paramref name="language"/>:
    /// the text whose Dutch equals it, or whose Dutch equals it with each <c>{0}</c>, <c>{1}</c> standing for the value
    /// written there, translated with those values kept; else the message as written. The most specific text wins
    /// (the one with the most fixed text), so a short text with a value does not swallow a longer one.
    /// </summary>
    public string TranslateMessage(string? language, string message)
    {
        if (language is null || language == Dutch || !languages.TryGetValue(language, out var texts)) return message;
        if (texts.TryGetValue(message, out var exact)) return exact.Text;
        foreach (var (dutch, translated) in patterns.GetOrAdd(language, _ => Patterns(texts)))
        {
            var match = dutch.Match(message);
            if (!match.Success) continue;
            var values = Enumerable.Range(0, match.Groups.Count - 1).Select(i => (object?)match.Groups["v" + i].Value).ToArray();
            return string.Format(CultureInfo.InvariantCulture, translated, values);
        }
        return message;
    }

    /// <summary>Each text with placeholders as a pattern of the whole message, its values captured as v0, v1 ….</summary>
    private static (Regex Dutch, string Translated)[] Patterns(Dictionary<string, (string Text, string File)> texts) =>
        [.. texts
            .Where(t => Placeholder().IsMatch(t.Key))
            .OrderByDescending(t => Placeholder().Replace(t.Key, "").Length)
            .Select(t => (new Regex("^" + string.Concat(Placeholder().Split(t.Key).Select((part, i) =>
                i % 2 == 0 ? Regex.Escape(part) : $"(?<v{part}>.+?)")) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant), t.Value.Text))];

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();

    /// <summary>Whether <paramref name="language"/> has this text (for tests that every page's text is translated).</summary>
    public bool Has(string language, string dutch) => languages.TryGetValue(language, out var texts) && texts.ContainsKey(dutch);
}
