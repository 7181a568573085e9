using Kto.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kto.Functions.Http;

/// <summary>Reads <c>?year=</c>; without it, the current year (Dutch time).</summary>
public static class YearQuery
{
    public static bool TryRead(HttpRequest request, TimeProvider time, out int year)
    {
        var text = request.Query["year"].ToString();
        year = DutchTime.Today(time).Year;
        return text.Length == 0 || (int.TryParse(text, out year) && year is >= 2000 and <= 2100);
    }

    public static IActionResult Invalid() => ApiResults.BadRequest("invalid-year", "Geef het jaar als ?year=2026.");
}
