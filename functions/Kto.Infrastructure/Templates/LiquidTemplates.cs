using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// Renders the Liquid templates under <c>Templates/</c> next to the app (files the bureau can edit: mails and
/// questionnaire pages). Templates are parsed once and cached; a template with an error fails at first use with
/// the file name and the parser's message.
/// </summary>
public sealed class LiquidTemplates
{
    private readonly FluidParser parser = new();
    private readonly TemplateOptions options;
    private readonly ConcurrentDictionary<string, IFluidTemplate> cache = new();

    public LiquidTemplates(string? root = null)
    {
        Root = root ?? Path.Combine(AppContext.BaseDirectory, "Templates");
        options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        options.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Root);
        Texts = new TextCatalog(Root);
        // {{ "Dutch text {0}" | t: value }}: the text in the page's language (the value "lang"), Dutch where the catalog has none.
        options.Filters.AddFilter("t", (input, arguments, context) =>
        {
            var values = Enumerable.Range(0, arguments.Count).Select(i => (object?)arguments.At(i).ToStringValue()).ToArray();
            var text = Texts.Translate(context.GetValue("lang").ToStringValue(), input.ToStringValue(), values);
            // On a page, encode only what HTML needs, so "beëindigd" stays readable in the source (as the template's own text does).
            return context.AmbientValues.TryGetValue(HtmlPage, out var page) && page is true
                ? new ValueTask<FluidValue>(new StringValue(EncodeMarkup(text), encode: false))
                : new ValueTask<FluidValue>(new StringValue(text));
        });
    }

    private const string HtmlPage = "kto.html";

    public string Root { get; }

    public TextCatalog Texts { get; }

    /// <summary>Renders <paramref name="name"/> (relative to the root) with the given values; HTML-encodes when <paramref name="html"/>.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> values, bool html)
    {
        var template = cache.GetOrAdd(name, Parse);
        var context = new TemplateContext(options);
        context.AmbientValues[HtmlPage] = html;
        foreach (var (key, value) in values)
            context.SetValue(key, value);
        return template.Render(context, html ? HtmlEncoder.Default : NullEncoder.Default);
    }

    private IFluidTemplate Parse(string name)
    {
        var path = Path.Combine(Root, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"Template '{name}' not found in {Root}.");
        return parser.TryParse(File.ReadAllText(path), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template '{name}' has an error: {error}");
    }

    private static string EncodeMarkup(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
