using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using Kto.Core.Portal;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// Renders the Liquid templates under <c>Templates/</c> next to the app (files the bureau can edit: pages, mails,
/// letters) with Scriban's Liquid front-end. Templates, included ones too, are parsed once and cached; a template
/// with an error fails at first use with the file name and the parser's message. HTML templates encode every value
/// (<see cref="HtmlTemplateContext"/>).
/// </summary>
public sealed class LiquidTemplates
{
    private readonly ConcurrentDictionary<string, Template> cache = new();
    private readonly ScriptObject functions = new();

    public LiquidTemplates(string? root = null)
    {
        Root = root ?? Path.Combine(AppContext.BaseDirectory, "Templates");
        Texts = new TextCatalog(Root);
        // The functions the templates use beyond Scriban's Liquid builtins, or where those differ from Liquid.
        // {{ "Dutch text {0}" | t: value }}: the text in the page's language (the value "lang"), Dutch where the catalog has none;
        // {{ notice | t }} for a PageText (a text composed in code) translates its text and fills in its values.
        functions.SetValue("t", new TemplateFunction(Translate), true);
        // {{ issue.message | t_message }}: a message Core wrote with its values in, in the page's language (TextCatalog.TranslateMessage).
        functions.SetValue("t_message", new TemplateFunction(TranslateMessage), true);
        // {% include "Portal/chart" %}: another template with the same values; its output is already encoded.
        functions.SetValue("include", new TemplateFunction(Include), true);
        // Liquid's default: also for false and empty (Scriban's keeps false).
        functions.SetValue("default", new TemplateFunction((_, _, a) => IsEmpty(a.Count > 0 ? a[0] : null) ? (a.Count > 1 ? a[1] : null) : a[0]), true);
        functions.SetValue("url_encode", new TemplateFunction((c, _, a) => WebUtility.UrlEncode(c.ObjectToString(a.Count > 0 ? a[0] : null))), true);
    }

    public string Root { get; }

    public TextCatalog Texts { get; }

    /// <summary>Renders <paramref name="name"/> (relative to the root) with the given values; HTML-encodes when <paramref name="html"/>.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> values, bool html)
    {
        var template = Template(name);
        var context = new HtmlTemplateContext(html);
        context.PushGlobal(functions);
        var globals = new ScriptObject();
        foreach (var (key, value) in values)
            globals.SetValue(key, value, false);
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>
    /// Renders <paramref name="name"/> with the public properties of <paramref name="models"/> as its values (a later
    /// model's value wins), every .NET member, the nested ones too, read by the name <paramref name="names"/> gives it.
    /// </summary>
    public string Render(string name, bool html, Func<MemberInfo, string> names, params object[] models) =>
        RenderToBuilder(name, html, names, models).ToString();

    /// <summary>
    /// As <see cref="Render(string, bool, Func{MemberInfo, string}, object[])"/>, the text left in its builder's chunks:
    /// a page of 85 KB or more as one string is a large object, and many of those bring on full garbage collections.
    /// </summary>
    public StringBuilder RenderToBuilder(string name, bool html, Func<MemberInfo, string> names, params object[] models)
    {
        var template = Template(name);
        var context = new HtmlTemplateContext(html, names);
        context.PushGlobal(functions);
        var globals = new ScriptObject();
        foreach (var model in models)
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            globals.SetValue(names(property), property.GetValue(model), false);
        context.PushGlobal(globals);
        if (template.Page is { } page && context.Evaluate(page) is { } result) context.Write(page.Span, result);
        return ((StringBuilderOutput)context.Output).Builder;
    }

    /// <summary>
    /// Renders <paramref name="name"/> once with <paramref name="values"/>, leaving the values named
    /// <paramref name="gaps"/> open, to fill per use (a mail run's thousands of mails differ only in a few values).
    /// Null when the template may do more with a gap's value than write it as it is (a condition, a filter, an
    /// assignment, a loop or capture around it), reads anything but these values and <c>t</c>, or includes another
    /// template: such a template is rendered in full each time, as before.
    /// </summary>
    public GappedText? RenderWithGaps(string name, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> gaps, bool html)
    {
        var template = Template(name);
        var known = values.Keys.Concat(gaps).Append("t").ToHashSet();
        if (template.Page is not { } page || !OnlyWritesGaps(page, null, true, gaps.ToHashSet(), known)) return null;
        // Markers of letters and digits only, which no encoding changes and no template text contains.
        var marker = "kto" + Guid.NewGuid().ToString("N");
        var withMarkers = new Dictionary<string, object?>(values);
        for (var i = 0; i < gaps.Count; i++) withMarkers[gaps[i]] = $"{marker}g{i}x";
        var rendered = Render(name, withMarkers, html);

        var texts = new List<string>();
        var filled = new List<int>();
        var at = 0;
        while (rendered.IndexOf(marker, at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = rendered.IndexOf('x', start + marker.Length);
            texts.Add(rendered[at..start]);
            filled.Add(int.Parse(rendered.AsSpan(start + marker.Length + 1, end - start - marker.Length - 1), System.Globalization.CultureInfo.InvariantCulture));
            at = end + 1;
        }
        texts.Add(rendered[at..]);
        return new GappedText(texts, filled, html);
    }

    /// <summary>
    /// Whether every use of a gap value is a plain <c>{{ value }}</c> in the page or in an if/else around it, and every
    /// global the template reads is <paramref name="known"/>.
    /// </summary>
    /// <param name="plain">Whether only the page, its statements and if/else lead to <paramref name="node"/>.</param>
    private static bool OnlyWritesGaps(ScriptNode node, ScriptNode? parent, bool plain, HashSet<string> gaps, HashSet<string> known)
    {
        if (node is ScriptVariableGlobal variable)
        {
            if (!known.Contains(variable.Name)) return false;
            if (gaps.Contains(variable.Name) && !(plain && parent is ScriptExpressionStatement statement && ReferenceEquals(statement.Expression, variable))) return false;
        }
        var childrenPlain = plain && node is ScriptPage or ScriptBlockStatement or ScriptList or ScriptIfStatement or ScriptElseStatement or ScriptExpressionStatement;
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            var child = node.GetChildren(i);
            if (child is not null && !OnlyWritesGaps(child, node, childrenPlain, gaps, known)) return false;
        }
        return true;
    }

    private Template Template(string name) => cache.GetOrAdd(name, Parse);

    private Template Parse(string name)
    {
        var path = Path.Combine(Root, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"Template '{name}' not found in {Root}.");
        var template = Scriban.Template.ParseLiquid(File.ReadAllText(path), path);
        return template.HasErrors
            ? throw new InvalidOperationException($"Template '{name}' has an error: {string.Join("; ", template.Messages)}")
            : template;
    }

    private object? Translate(TemplateContext context, ScriptNode? caller, ScriptArray arguments)
    {
        if (arguments.Count > 0 && arguments[0] is PageText text) return Translated(context, Written(context, text));
        var values = arguments.Skip(1).Select(a => (object?)context.ObjectToString(a)).ToArray();
        return Translated(context, Texts.Translate(Language(context), FirstArgument(context, arguments), values));
    }

    /// <summary>A <see cref="PageText"/> in the page's language, each value written as the page writes it (a text among them translated too).</summary>
    private string Written(TemplateContext context, PageText text) =>
        Texts.Translate(Language(context), text.Text,
            [.. text.Values.Select(v => (object?)(v is PageText inner ? Written(context, inner) : context.ObjectToString(v)))]);

    private object? TranslateMessage(TemplateContext context, ScriptNode? caller, ScriptArray arguments) =>
        Translated(context, Texts.TranslateMessage(Language(context), FirstArgument(context, arguments)));

    private static string? Language(TemplateContext context) => ((HtmlTemplateContext)context).PageLanguage;

    private static string FirstArgument(TemplateContext context, ScriptArray arguments) =>
        context.ObjectToString(arguments.Count > 0 ? arguments[0] : null) ?? "";

    /// <summary>
    /// On a page, a translated text is encoded only where HTML needs it, so "beëindigd" stays readable in the source (as
    /// the template's own text does), while a value in it (a column or file name in a message) is still encoded.
    /// </summary>
    private static object Translated(TemplateContext context, string text) =>
        context is HtmlTemplateContext { Html: true } ? new RawHtml(EncodeMarkup(text)) : text;

    private object? Include(TemplateContext context, ScriptNode? caller, ScriptArray arguments)
    {
        var name = context.ObjectToString(arguments.Count > 0 ? arguments[0] : null);
        if (string.IsNullOrEmpty(name)) return null;
        var template = Template(Path.HasExtension(name) ? name : name + ".liquid");
        // Written straight into the output it stands in, not rendered to a string first: a page body is often over
        // 85 KB, and every such string is a large-object allocation that brings on a full garbage collection sooner.
        context.EnterRecursive(caller);
        if (template.Page is { } page) context.Evaluate(page);
        context.ExitRecursive(caller);
        return null;
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null or false => true,
        string s => s.Length == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };

    private static string EncodeMarkup(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
