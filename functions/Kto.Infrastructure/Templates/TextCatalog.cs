using System.Globalization;
using System.Text.Json;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// The texts of the pages for people in other languages than Dutch: one catalog per language,
/// <c>Templates/Texts/{lang}.json</c>, mapping the Dutch text (the key, as it stands in the template) to its
/// translation. A text a catalog lacks stays Dutch, so a new page works before it has its English.
/// Templates use it as the filter <c>{{ "Dutch text {0}" | t: value }}</c>.
/// </summary>
public sealed class TextCatalog
{
    public const string Dutch = "nl";

    private readonly Dictionary<string, Dictionary<string, string>> languages = new(StringComparer.Ordinal);

    public TextCatalog(string templatesRoot)
    {
        var folder = Path.Combine(templatesRoot, "Texts");
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{file} is not a JSON object of texts.");
            languages[Path.GetFileNameWithoutExtension(file)] = texts.Where(kv => !kv.Key.StartsWith('_')).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>The languages with a catalog (Dutch needs none).</summary>
    public IReadOnlyCollection<string> Languages => languages.Keys;

    /// <summary>The text in <paramref name="language"/>, else the Dutch one; <c>{0}</c>, <c>{1}</c> … filled in.</summary>
    public string Translate(string? language, string dutch, params object?[] arguments)
    {
        var text = language is not null && language != Dutch && languages.TryGetValue(language, out var texts) && texts.TryGetValue(dutch, out var translated)
            ? translated
            : dutch;
        return arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments);
    }

    /// <summary>Whether <paramref name="language"/> has this text (for tests that every page's text is translated).</summary>
    public bool Has(string language, string dutch) => languages.TryGetValue(language, out var texts) && texts.ContainsKey(dutch);
}
