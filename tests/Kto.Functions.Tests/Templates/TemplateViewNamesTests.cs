using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Kto.Functions.Portal;
using Kto.Infrastructure.Letters;
using Kto.Infrastructure.Portal;
using Kto.Infrastructure.Templates;
using Kto.Infrastructure.Templates.SurveyViews;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// The portal pages, the questionnaire, the portal mails and the letter read typed view records by snake_case name. A
/// name a template reads that its record does not have renders as nothing, without an error: a renamed member or a
/// typo in a template would quietly empty a field. So every value each of these templates reads (and the templates it
/// includes), through loops and into nested records, must be a member of the view it is rendered with.
/// </summary>
public sealed partial class TemplateViewNamesTests
{
    private static readonly LiquidTemplates Templates = new();

    /// <summary>Each template and the views it is rendered with (a later one's member wins, as in the renderer).</summary>
    private static readonly Dictionary<string, Type[]> Views = new()
    {
        ["Survey/page.liquid"] = [typeof(SurveyPageView)],
        ["Survey/questionnaire.liquid"] = [typeof(SurveyPageView)],
        ["Survey/optout.liquid"] = [typeof(SurveyPageView)],
        ["Survey/message.liquid"] = [typeof(SurveyPageView)],
        ["Survey/code.liquid"] = [typeof(SurveyPageView)],
        ["Portal/Mail/welcome-subject.liquid"] = [typeof(PortalMailView)],
        ["Portal/Mail/welcome.txt.liquid"] = [typeof(PortalMailView)],
        ["Portal/Mail/welcome.html.liquid"] = [typeof(PortalMailView)],
        ["Portal/Mail/signin-subject.liquid"] = [typeof(SignInMailView)],
        ["Portal/Mail/signin.txt.liquid"] = [typeof(SignInMailView)],
        ["Portal/Mail/signin.html.liquid"] = [typeof(SignInMailView)],
        ["Portal/Mail/digest-subject.liquid"] = [typeof(PortalMailView), typeof(DigestMailView)],
        ["Portal/Mail/digest.txt.liquid"] = [typeof(PortalMailView), typeof(DigestMailView)],
        ["Portal/Mail/digest.html.liquid"] = [typeof(PortalMailView), typeof(DigestMailView)],
        ["Portal/Mail/delivery-reminder-subject.liquid"] = [typeof(PortalMailView), typeof(DeliveryReminderMailView)],
        ["Portal/Mail/delivery-reminder.txt.liquid"] = [typeof(PortalMailView), typeof(DeliveryReminderMailView)],
        ["Portal/Mail/delivery-reminder.html.liquid"] = [typeof(PortalMailView), typeof(DeliveryReminderMailView)],
        ["Letters/letter.liquid"] = [typeof(LetterView)],
        ["Letters/Opdrachtgever/letter.liquid"] = [typeof(LetterView)],
    };

    public static TheoryData<string> Names() => [.. Views.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_value_the_template_reads_is_a_member_of_its_view(string name)
    {
        var read = ReadPaths(File.ReadAllText(Path.Combine(Templates.Root, name)));
        Assert.NotEmpty(read);
        var missing = read.Where(path => !Resolves(path, Views[name])).ToList();
        Assert.True(missing.Count == 0, $"{name} reads what its view does not have: {string.Join(", ", missing)}");
    }

    /// <summary>A portal page's template and what it includes, against its page model and the frame every page gets.</summary>
    [Theory]
    [MemberData(nameof(PortalPages))]
    public void Every_value_a_portal_page_reads_is_a_member_of_its_model_or_the_frame(string page)
    {
        var (type, template) = PageModelEncodingTests.Templates.Single(p => p.Key.Name == page);
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in WithIncludes("Portal/" + template)) read.UnionWith(ReadPaths(File.ReadAllText(Path.Combine(Templates.Root, name))));
        var missing = read.Where(path => !Resolves(path, [type, typeof(PortalFrame)])).ToList();
        Assert.True(missing.Count == 0, $"{template} reads what {type.Name} and the frame do not have: {string.Join(", ", missing)}");
    }

    /// <summary>The frame reads its own values, and a page's where the page may have them (the title's "Fout:" when a page has errors).</summary>
    [Fact]
    public void The_portal_frame_reads_the_frame_or_what_a_page_gives()
    {
        var read = ReadPaths(File.ReadAllText(Path.Combine(Templates.Root, "Portal/layout.liquid")));
        Assert.Contains("body", read);
        Assert.DoesNotContain(read, path => !Resolves(path, [typeof(PortalFrame)]) && !PageModelEncodingTests.Templates.Keys.Any(page => Resolves(path, [page])));
    }

    public static TheoryData<string> PortalPages() => [.. PageModelEncodingTests.Templates.Keys.Select(t => t.Name)];

    /// <summary>The template and every template it includes by name (not the frame's body).</summary>
    private static List<string> WithIncludes(string name)
    {
        var seen = new List<string>();
        var next = new Queue<string>([name]);
        while (next.TryDequeue(out var template))
        {
            if (seen.Contains(template)) continue;
            seen.Add(template);
            foreach (Match include in Include().Matches(File.ReadAllText(Path.Combine(Templates.Root, template))))
                next.Enqueue(include.Groups[1].Value + ".liquid");
        }
        return seen;
    }

    [Fact]
    public void Every_template_of_these_folders_is_checked()
    {
        var all = new[] { "Survey", "Portal/Mail", "Letters" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Templates.Root, folder), "*.liquid", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Templates.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(all, Views.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_the_view_lacks_is_found()
    {
        Assert.False(Resolves("q.first_input", [typeof(SurveyPageView)], new Dictionary<string, string> { ["q"] = "questions[]" }));
        Assert.False(Resolves("companies[].percelen[].at_risky", [typeof(DigestMailView)]));
        Assert.False(Resolves("bureau_mail", [typeof(LetterView)]));
        Assert.True(Resolves("companies[].percelen[].at_risk", [typeof(DigestMailView)]));
        Assert.Contains("companies[].actions[].expected", ReadPaths("{% for c in companies %}{% for a in c.actions %}{{ a.expected }}{% endfor %}{% endfor %}"));
    }

    /// <summary>The value paths a template reads, loops resolved (<c>q.text</c> in <c>for q in questions</c> is <c>questions[].text</c>).</summary>
    private static HashSet<string> ReadPaths(string text)
    {
        var loops = new Dictionary<string, string>(StringComparer.Ordinal);
        var locals = new HashSet<string>(StringComparer.Ordinal) { "forloop" };
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match tag in LiquidSyntax.Tag().Matches(Comment().Replace(text, "")))
        {
            var code = LiquidSyntax.Quoted().Replace(tag.Groups[1].Value, " ");
            if (LiquidSyntax.ForLoop().Match(code) is { Success: true } loop)
            {
                loops[loop.Groups[1].Value] = Resolve(loop.Groups[2].Value, loops) + "[]";
                paths.Add(loops[loop.Groups[1].Value]);
                continue;
            }
            if (Local().Match(code) is { Success: true } local)
            {
                // What an assign or capture makes is the template's own; the value it is made of is still read.
                locals.Add(local.Groups[1].Value);
                code = code[local.Length..];
            }
            // A filter's name is not a value (the t filter; "t.x" is the questionnaire's texts).
            code = FilterName().Replace(code, " ");
            foreach (Match path in LiquidSyntax.VariablePath().Matches(code))
                if (!Keywords.Contains(path.Value) && !locals.Contains(path.Value.Split('.')[0])) paths.Add(Resolve(path.Value, loops));
        }
        return paths;
    }

    private static string Resolve(string path, Dictionary<string, string> loops)
    {
        var parts = path.Split('.');
        return loops.TryGetValue(parts[0], out var list) ? string.Join('.', [list, .. parts[1..]]) : path;
    }

    private static bool Resolves(string path, Type[] views, Dictionary<string, string> loops) => Resolves(Resolve(path, loops), views);

    /// <summary>Whether the path leads through the views' members by their snake_case names.</summary>
    private static bool Resolves(string path, Type[] views)
    {
        var parts = path.Split('.');
        Type? type = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i].TrimEnd('[', ']');
            if (type is not null && IsDictionary(type)) return true; // texts by key: any key may be asked for
            if (type is not null && name is "size" or "first" or "last" && (ItemType(type) is not null || type == typeof(string))) return true;
            type = type is null
                ? views.Reverse().Select(view => Member(view, name)).FirstOrDefault(t => t is not null)
                : Member(type, name);
            if (type is not null && parts[i].EndsWith("[]", StringComparison.Ordinal)) type = ItemType(type);
            if (type is null) return false;
        }
        return true;
    }

    private static Type? Member(Type type, string name) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => TemplateNames.SnakeCase(p) == name)?.PropertyType;

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static Type? ItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static readonly HashSet<string> Keywords =
        ["if", "elsif", "else", "endif", "for", "endfor", "in", "unless", "endunless", "and", "or", "not", "contains", "include",
         "true", "false", "nil", "null", "empty", "blank", "t", "endcapture", "capture", "assign"];

    [GeneratedRegex(@"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*(?:assign|capture)\s+(\w+)\s*=?")]
    private static partial Regex Local();

    [GeneratedRegex(@"\{%-?\s*include\s+""([^""]+)""")]
    private static partial Regex Include();

    [GeneratedRegex(@"\|\s*\w+\s*:?")]
    private static partial Regex FilterName();
}
