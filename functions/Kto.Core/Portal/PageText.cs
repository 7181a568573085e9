using System.Globalization;

namespace Kto.Core.Portal;

/// <summary>
/// A Dutch text for a page with its values kept apart (<c>{0}</c>, <c>{1}</c> …): "Veldwerk {0}" and the company's
/// name, not "Veldwerk Acme". The page's <c>t</c> translates the text and then fills in the values, so a title, notice
/// or error composed in code reads in the page's language; a value that is itself a <see cref="PageText"/> or a
/// <see cref="ShownDate"/> is written in that language too. A plain string is a text without values.
/// </summary>
public sealed record PageText(string Text, params object?[] Values)
{
    public static implicit operator PageText(string text) => new(text);

    /// <summary>The text in Dutch with its values in (what a page shows when nothing translates it).</summary>
    public override string ToString() =>
        Values.Length == 0 ? Text : string.Format(CultureInfo.InvariantCulture, Text, Values.Select(v => v?.ToString()).ToArray<object?>());
}
