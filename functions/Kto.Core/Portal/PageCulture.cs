using System.Globalization;

namespace Kto.Core.Portal;

/// <summary>
/// The culture a page writes its dates and numbers in (<see cref="ShownDate"/>, <see cref="ShownNumber"/>): British
/// English for a page in "en…", Dutch (<see cref="DutchTime.Culture"/>) for any other.
/// </summary>
public static class PageCulture
{
    // Stryker disable once String : the invariant culture writes the pages' formats (d MMMM yyyy, HH:mm, N0, 0.0) as en-GB does
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish(string? language) => language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static CultureInfo For(string? language) => IsEnglish(language) ? English : DutchTime.Culture;
}
