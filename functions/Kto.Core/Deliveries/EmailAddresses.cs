using System.Text.RegularExpressions;

namespace Kto.Core.Deliveries;

/// <summary>A deliberately plain check: one @, no spaces, a dot in the domain. Enough to catch typing and export errors.</summary>
internal static partial class EmailAddresses
{
    public static bool IsValid(string? email) =>
        email is not null && email.Length <= 254 && !email.Contains("..", StringComparison.Ordinal) && Shape().IsMatch(email);

    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]]+@[^@\s<>(),;:""\[\]_]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
