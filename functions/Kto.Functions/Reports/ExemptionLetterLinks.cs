using Kto.Core;

namespace Kto.Functions.Reports;

/// <summary>How the exemption letter is named in routes and downloads (the API and the portal alike).</summary>
public static class ExemptionLetterLinks
{
    /// <summary>"naar-werk", "modulaire-re-integratiediensten": the perceel as a route segment (PerceelNames reads it back).</summary>
    public static string Slug(Perceel perceel) => PerceelNames.DisplayName(perceel).ToLowerInvariant().Replace(' ', '-');

    public static string Api(int year, string company, Perceel perceel) =>
        $"{ReportLinks.Status(year, company)}/exemption/{Slug(perceel)}";

    public static string FileName(int year, string company, Perceel perceel) => $"vrijstelling-{year}-{company}-{Slug(perceel)}.pdf";
}
