using System.Globalization;
using Kto.Core.Keurmerk;

namespace Kto.Functions.Keurmerk;

/// <summary>The Keurmerk report's routes and download links (relative to the app), as its status, draft and sign routes give them.</summary>
public static class KeurmerkLinks
{
    public static string Status(int year, string company) => $"/api/keurmerk/{year}/{Uri.EscapeDataString(company)}";

    /// <param name="version">A version number, or null for the draft.</param>
    public static IReadOnlyDictionary<string, string> Files(int year, string company, int? version) =>
        Enum.GetValues<KeurmerkFormat>().ToDictionary(f => f.ToString().ToLowerInvariant(),
            f => $"{Status(year, company)}/{KeurmerkFormats.FileName(f)}?version={(version is { } v ? v.ToString(CultureInfo.InvariantCulture) : "draft")}");
}
