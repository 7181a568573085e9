using System.Text;
using System.Text.Encodings.Web;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// A template rendered once with some of its values left open: the text around them and, per gap, which value goes
/// there. Filling it writes each value as <see cref="HtmlTemplateContext"/> would (HTML-encoded in an HTML template),
/// so it gives the text a full render would, without Scriban's per-render cost.
/// </summary>
public sealed class GappedText(IReadOnlyList<string> texts, IReadOnlyList<int> gaps, bool html)
{
    /// <summary>The text with <paramref name="values"/> (by the index of the gap names it was made with) in its gaps.</summary>
    public string Fill(IReadOnlyList<string?> values)
    {
        var text = new StringBuilder(texts.Sum(t => t.Length) + 64 * gaps.Count);
        for (var i = 0; i < gaps.Count; i++)
        {
            text.Append(texts[i]);
            var value = values[gaps[i]] ?? "";
            text.Append(html ? HtmlEncoder.Default.Encode(value) : value);
        }
        return text.Append(texts[^1]).ToString();
    }
}
