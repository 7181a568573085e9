using System.Net;
using System.Text.RegularExpressions;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// Issue 22, "Templates on Scriban": Scriban does not HTML-encode by itself, so every HTML template (pages, the
/// questionnaire, the HTML part of mails) is rendered here with a hostile text in every value it reads, and that
/// text must never come out as markup; the text templates (subjects, text parts, the letter) keep it as it is.
/// </summary>
public sealed partial class TemplateEncodingTests
{
    private const string Hostile = "<script>alert(1)</script>\"'&";

    private static readonly LiquidTemplates Templates = new();

    public static TheoryData<string> HtmlTemplates() => [.. All().Where(IsHtml)];

    public static TheoryData<string> TextTemplates() => [.. All().Where(name => !IsHtml(name))];

    [Theory]
    [MemberData(nameof(HtmlTemplates))]
    public void An_HTML_template_encodes_every_value_it_reads(string name)
    {
        var values = HostileValues(name);
        foreach (var lang in new[] { "nl", "en" })
        {
            var html = Templates.Render(name, new Dictionary<string, object?>(values) { ["lang"] = lang }, html: true);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Hostile, html);
            Assert.DoesNotContain("\"'&", html);
            // The values did reach the page, encoded (a template that printed nothing would prove nothing): as a value
            // is written, or inside a translated text (the t filter writes the apostrophe as &#39;).
            Assert.True(html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;", StringComparison.Ordinal)
                        || html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;", StringComparison.Ordinal),
                "no value reached the page encoded");
        }
    }

    [Theory]
    [MemberData(nameof(TextTemplates))]
    public void A_text_template_writes_values_as_they_are(string name)
    {
        var text = Templates.Render(name, new Dictionary<string, object?>(HostileValues(name)) { ["lang"] = "nl" }, html: false);
        Assert.Contains(Hostile, text);
        Assert.DoesNotContain("&lt;", text);
    }

    [Fact]
    public void A_translated_text_with_a_hostile_value_is_encoded_on_a_page_and_kept_in_a_mail()
    {
        var values = new Dictionary<string, object?> { ["lang"] = "nl", ["x"] = Hostile };
        var page = Templates.Render("Portal/chart.liquid", new Dictionary<string, object?>(values)
        {
            ["year"] = Hostile,
            ["chart"] = new Dictionary<string, object?> { ["ticks"] = new List<object>(), ["months"] = new List<object>() },
        }, html: true);
        Assert.Contains("Beëindigde diensten en reacties per maand, &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;", page);
    }

    private static IEnumerable<string> All() =>
        Directory.GetFiles(Templates.Root, "*.liquid", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Templates.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>Text templates: mail subjects and text parts, and the letter (drawn into a PDF as text).</summary>
    private static bool IsHtml(string name) =>
        !name.EndsWith(".txt.liquid", StringComparison.Ordinal) && !name.EndsWith("subject.liquid", StringComparison.Ordinal) && !name.StartsWith("Letters/", StringComparison.Ordinal);

    /// <summary>
    /// Every value the template (and what it includes) reads, from its tags: <c>a.b</c> becomes a dictionary with
    /// <c>b</c>, a loop's list holds one item with what the loop reads, every leaf is the hostile text. A frame's
    /// <c>body</c> names a page, so the page's values are read too.
    /// </summary>
    private static Dictionary<string, object?> HostileValues(string name)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        var folder = name.Contains('/') ? name[..name.IndexOf('/')] : "";
        var body = folder == "Survey" ? "Survey/message" : "Portal/message.liquid";
        foreach (var template in WithIncludes(name, body))
        {
            var text = File.ReadAllText(Path.Combine(Templates.Root, template));
            var loops = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match tag in LiquidSyntax.Tag().Matches(text))
            {
                var code = LiquidSyntax.Quoted().Replace(tag.Groups[1].Value, " ");
                var loop = LiquidSyntax.ForLoop().Match(code);
                if (loop.Success)
                {
                    loops[loop.Groups[1].Value] = Resolve(loop.Groups[2].Value, loops) + "[]";
                    Add(root, loops[loop.Groups[1].Value], loop: true);
                    continue;
                }
                foreach (Match path in LiquidSyntax.VariablePath().Matches(code))
                {
                    // "t" is the translation filter, but "t.x" the questionnaire's own texts.
                    if (Keywords.Contains(path.Value.Split('.')[0]) && !path.Value.StartsWith("t.", StringComparison.Ordinal)) continue;
                    Add(root, Resolve(path.Value, loops));
                }
            }
        }
        root["body"] = name.EndsWith("layout.liquid", StringComparison.Ordinal) || name == "Survey/page.liquid" ? body : Hostile;
        return root;
    }

    private static IEnumerable<string> WithIncludes(string name, string body)
    {
        var seen = new List<string>();
        var next = new Queue<string>([name]);
        while (next.TryDequeue(out var template))
        {
            if (seen.Contains(template)) continue;
            seen.Add(template);
            var text = File.ReadAllText(Path.Combine(Templates.Root, template));
            foreach (Match include in Include().Matches(text))
            {
                var included = include.Groups[1].Success ? include.Groups[1].Value : body;
                next.Enqueue(Path.HasExtension(included) ? included : included + ".liquid");
            }
        }
        return seen;
    }

    private static string Resolve(string path, Dictionary<string, string> loops)
    {
        var parts = path.Split('.');
        return loops.TryGetValue(parts[0], out var list) ? string.Join('.', [list, .. parts[1..]]) : path;
    }

    /// <summary>Puts the path into the tree: "x[]" is a list of one dictionary; a name read both as a leaf and as a dictionary becomes the dictionary.</summary>
    private static void Add(Dictionary<string, object?> node, string path, bool loop = false)
    {
        var parts = path.Split('.').Where(p => p is not ("size" or "first" or "last") || path.EndsWith("]", StringComparison.Ordinal)).ToArray();
        for (var i = 0; i < parts.Length; i++)
        {
            var isList = parts[i].EndsWith("[]", StringComparison.Ordinal);
            var key = isList ? parts[i][..^2] : parts[i];
            var last = i == parts.Length - 1;
            if (isList && last && !loop)
            {
                // The loop's item itself is written ({{ paragraph }}): a list of texts.
                if (node.GetValueOrDefault(key) is not List<object> { Count: 1 } texts || texts[0] is Dictionary<string, object?> { Count: 0 })
                    node[key] = new List<object> { Hostile };
            }
            else if (isList)
            {
                if (node.GetValueOrDefault(key) is not List<object> { Count: 1 } list || list[0] is not Dictionary<string, object?>)
                    node[key] = list = [new Dictionary<string, object?>(StringComparer.Ordinal)];
                node = (Dictionary<string, object?>)list[0];
            }
            else if (last)
            {
                if (!node.ContainsKey(key)) node[key] = Hostile;
            }
            else
            {
                if (node.GetValueOrDefault(key) is not Dictionary<string, object?> child)
                    node[key] = child = new Dictionary<string, object?>(StringComparer.Ordinal);
                node = child;
            }
        }
    }

    private static readonly HashSet<string> Keywords =
        ["if", "elsif", "else", "endif", "for", "endfor", "in", "unless", "endunless", "and", "or", "not", "contains", "include",
         "comment", "endcomment", "true", "false", "nil", "null", "empty", "blank", "forloop", "t", "t_message", "default", "join", "url_encode", "lang"];

    [GeneratedRegex(@"\{%-?\s*include\s+(?:""([^""]+)""|body)")]
    private static partial Regex Include();
}
