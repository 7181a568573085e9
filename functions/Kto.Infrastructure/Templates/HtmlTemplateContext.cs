using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using Kto.Core.Portal;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// The one place where a template's values are written: in an HTML template every <c>{{ value }}</c> is
/// HTML-encoded (Scriban does not encode by itself), except a <see cref="RawHtml"/>; a text template (mail text
/// part, subject) writes values as they are. Values turn into text as Fluid wrote them before, so pages stay the same.
/// </summary>
public sealed class HtmlTemplateContext : LiquidTemplateContext
{
    public HtmlTemplateContext(bool html, Func<MemberInfo, string>? names = null)
    {
        Html = html;
        // Templates read .NET members by their own names (c.MissingMonths), as they did with Fluid, unless the
        // caller names them otherwise (portal pages: snake_case, see TemplateNames).
        MemberRenamer = names is null ? member => member.Name : member => names(member);
        // A page may list more than Scriban's default of 1000 rows (population, audit log).
        LoopLimit = int.MaxValue;
    }

    public bool Html { get; }

    /// <summary>The language the template is rendered in (its value "lang": "nl", "en"), or "" without one.</summary>
    public string PageLanguage => ObjectToString(GetValue(new ScriptVariableGlobal("lang")));

    public override TemplateContext Write(SourceSpan span, object? value)
    {
        if (value is RawHtml raw) return Write(raw.Html);
        var text = ObjectToString(value, false) ?? "";
        return Write(Html ? HtmlEncoder.Default.Encode(text) : text);
    }

    public override string ObjectToString(object? value, bool nested = false) => value switch
    {
        null => "",
        RawHtml raw => raw.Html,
        // A date a page shows, in the page's language (the value "lang"), Dutch without one.
        ShownDate date => date.In(PageLanguage),
        // A grade or count a page shows, likewise ("7,4" / "7.4").
        ShownNumber number => number.In(PageLanguage),
        // Numbers without trailing zeros, dates as "u" (2026-01-02 03:04:05Z): the text Fluid gave.
        decimal d => Normalized(d),
        double d => Normalized((decimal)d),
        float f => Normalized((decimal)f),
        DateTime t => new DateTimeOffset(t).ToString("u", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("u", CultureInfo.InvariantCulture),
        _ => base.ObjectToString(value, nested) ?? "",
    };

    private static string Normalized(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
