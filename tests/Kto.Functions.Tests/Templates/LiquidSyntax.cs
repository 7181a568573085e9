using System.Text.RegularExpressions;

namespace Kto.Functions.Tests.Templates;

/// <summary>Enough of Liquid's syntax to list what a template reads: its tags, quoted text, loops and value paths.</summary>
internal static partial class LiquidSyntax
{
    /// <summary>A <c>{{ … }}</c> or <c>{% … %}</c> tag; group 1 is what is inside.</summary>
    [GeneratedRegex(@"\{[{%]-?(.*?)-?[}%]\}", RegexOptions.Singleline)]
    public static partial Regex Tag();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    public static partial Regex Quoted();

    /// <summary><c>for item in list.path</c>: group 1 the item, group 2 the list.</summary>
    [GeneratedRegex(@"^\s*for\s+(\w+)\s+in\s+([\w.]+)")]
    public static partial Regex ForLoop();

    /// <summary>A name and its members (<c>c.percelen</c>), not a member on its own.</summary>
    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    public static partial Regex VariablePath();
}
