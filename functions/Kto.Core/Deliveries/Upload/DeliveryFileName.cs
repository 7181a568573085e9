using System.Text.RegularExpressions;

namespace Kto.Core.Deliveries;

/// <summary>
/// Names of delivered files become blob names and receipt names: a plain file name (letters, digits, dot, dash,
/// underscore, space), no folders, at most 120 characters.
/// </summary>
public static partial class DeliveryFileName
{
    // \z, not $: $ also matches before a trailing newline, which would let "name\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,119}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && !name.Contains("..");
}
