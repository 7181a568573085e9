namespace Kto.Infrastructure.Templates;

/// <summary>
/// HTML that is already safe (a translated text encoded by the <c>t</c> function, an included template's output):
/// the only value <see cref="HtmlTemplateContext"/> writes without encoding.
/// </summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}
