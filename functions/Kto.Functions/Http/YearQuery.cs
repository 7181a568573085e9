using Kto.Core;

namespace Kto.Functions.Http;

/// <summary>Reads <c>?year=</c>; without it, the current year (Dutch time).</summary>
public static class YearQuery
{
    public static bool TryRead(HttpRequest request, TimeProvider time, out int year)
    {
        var text = request.Query["year"].ToString();
        year = DutchTime.Today(time).Year;
        return text.Length == 0 || (int.TryParse(text, out year) && IsValid(year));
    }

    /// <summary>The years a route or form may name (the one range for the API and the portal).</summary>
    public static bool IsValid(int year) => year is >= 2000 and <= 2100;

    /// <summary>Reads a <c>year</c> form field; false when it is missing or outside <see cref="IsValid"/>.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string?> form, out int year) =>
        int.TryParse(form.GetValueOrDefault("year"), out year) && IsValid(year);

    public static IActionResult Invalid() => ApiResults.BadRequest("invalid-year", "Geef het jaar als ?year=2026.");
}
