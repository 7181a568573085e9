using System.Text.RegularExpressions;

namespace Kto.Core.Companies;

/// <summary>
/// Company ids appear in URLs, blob paths and table keys, so they are restricted to lower-case letters, digits
/// and hyphens (2–40 characters, starting with a letter or digit).
/// </summary>
public static partial class CompanyId
{
    // \z, not $: $ also matches before a trailing newline, which would let "name\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,39}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
