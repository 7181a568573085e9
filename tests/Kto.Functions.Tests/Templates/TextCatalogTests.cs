using System.Text.Json;
using Kto.Infrastructure.Templates;
using Kto.TestSupport;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// Each portal page folder keeps its own English (<c>texts.en.json</c>); at run time they are one catalog per language.
/// A text with two different translations must stop the start, not show one of them by chance.
/// </summary>
public sealed class TextCatalogTests : IDisposable
{
    private readonly string root = TestTemp.Folder("kto-texts-");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, object texts)
    {
        var path = Path.Combine(root, "Texts", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(texts));
    }

    /// <summary>
    /// A message Core wrote with its values in is found by the text it was made from: the values stay as written, the
    /// text with the most fixed words wins, and a message no text matches stays as written.
    /// </summary>
    [Fact]
    public void A_written_message_is_translated_with_its_values_kept()
    {
        Write("Company/messages.en.json", new Dictionary<string, string>
        {
            ["Rij {0} heeft {1} fouten."] = "Row {0} has {1} errors.",
            ["{0} fouten."] = "{0} mistakes.",
            ["Het bestand is leeg."] = "The file is empty.",
        });
        var catalog = new TextCatalog(root);

        Assert.Equal("Row 12 has 3 errors.", catalog.TranslateMessage("en", "Rij 12 heeft 3 fouten."));
        Assert.Equal("drie mistakes.", catalog.TranslateMessage("en", "drie fouten."));
        Assert.Equal("The file is empty.", catalog.TranslateMessage("en", "Het bestand is leeg."));
        Assert.Equal("Rij 12 heeft 3 fouten.", catalog.TranslateMessage("nl", "Rij 12 heeft 3 fouten."));
        Assert.Equal("Iets anders.", catalog.TranslateMessage("en", "Iets anders."));
        Assert.Equal("Rij 12 heeft 3 fouten. En meer.", catalog.TranslateMessage("en", "Rij 12 heeft 3 fouten. En meer."));
    }

    [Fact]
    public void The_page_folders_files_make_one_catalog_per_language()
    {
        Write("Company/texts.en.json", new Dictionary<string, string> { ["_comment"] = "x", ["Leveringen"] = "Deliveries" });
        Write("Shared/texts.en.json", new Dictionary<string, string> { ["Uitloggen"] = "Sign out", ["Leveringen"] = "Deliveries" });
        Write("Shared/texts.de.json", new Dictionary<string, string> { ["Uitloggen"] = "Abmelden" });

        var catalog = new TextCatalog(root);

        Assert.Equal("Deliveries", catalog.Translate("en", "Leveringen"));
        Assert.Equal("Sign out", catalog.Translate("en", "Uitloggen"));
        Assert.Equal("Abmelden", catalog.Translate("de", "Uitloggen"));
        Assert.Equal("Leveringen", catalog.Translate("de", "Leveringen"));
        Assert.False(catalog.Has("en", "_comment"));
        Assert.Equal(["de", "en"], catalog.Languages.Order());
    }

    [Fact]
    public void A_text_two_files_translate_differently_stops_the_start_naming_both_files()
    {
        Write("Company/texts.en.json", new Dictionary<string, string> { ["Leveringen"] = "Deliveries" });
        Write("Bureau/texts.en.json", new Dictionary<string, string> { ["Leveringen"] = "Supplies" });

        var error = Assert.Throws<InvalidDataException>(() => new TextCatalog(root));

        Assert.Contains("Leveringen", error.Message);
        Assert.Contains(Path.Combine("Company", "texts.en.json"), error.Message);
        Assert.Contains(Path.Combine("Bureau", "texts.en.json"), error.Message);
    }

    /// <summary>
    /// A page folder's file holds that folder's own texts: each one stands in the folder's templates or code. A text
    /// more folders use belongs in <c>Shared/</c>, so moving or deleting a page takes its texts along.
    /// </summary>
    [Fact]
    public void A_page_folders_texts_are_used_in_that_folder()
    {
        var portal = Path.Combine(RepoPaths.Root, "functions", "Kto.Functions", "Portal");
        var strays = new List<string>();
        foreach (var file in Directory.GetFiles(portal, "texts.*.json", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(file)!;
            if (Path.GetFileName(folder) == "Shared") continue;
            var code = string.Concat(Directory.GetFiles(folder).Where(f => f.EndsWith(".liquid") || f.EndsWith(".cs")).Select(File.ReadAllText));
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;
            strays.AddRange(texts.Keys
                .Where(dutch => !dutch.StartsWith('_'))
                .Where(dutch => !code.Contains('"' + dutch + '"') && !code.Contains(JsonSerializer.Serialize(dutch, Unescaped)))
                .Select(dutch => $"{Path.GetFileName(folder)}: {dutch}"));
        }
        Assert.True(strays.Count == 0, "texts not used in their page folder: " + string.Join(" | ", strays));
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
