using System.Globalization;

namespace Kto.Core.Portal;

/// <summary>
/// Every portal address the code links or redirects to, in one place beside the routes they must match (the
/// function classes in Kto.Functions/Portal). Each path segment is escaped (ids, file names; for the ids the rules
/// already allow that is a no-op), a query value too. Flags a page reads once (<c>&amp;opgeslagen=1</c>) are added
/// by the handler that sets them.
/// </summary>
public static class PortalUrls
{
    /// <summary>The front door: the sign-in page, which sends a signed-in visitor on to their home.</summary>
    public const string Home = "/portal";

    /// <summary>The page a sign-in link opens (<c>?t=</c> the link's token).</summary>
    public const string SignInLink = "/portal/sign-in";

    /// <summary>The portal's stylesheet and script (<c>portal.css</c>, <c>portal.js</c>), versioned in the page's links.</summary>
    public const string AssetsRoute = "portal/assets/{file}";

    public const string SignedOut = Home + "?uit=1";
    public const string SessionEnded = Home + "?sessie=verlopen";
    public const string Account = "/portal/account";
    public const string Bureau = "/portal/bureau";

    // A company's own pages (that company's users and the bureau).

    public static string Company(string company) => $"/portal/companies/{Segment(company)}";

    public static string Receipt(string company, string file) => $"{Company(company)}/deliveries/{Segment(file)}";

    /// <summary><c>receipt.json</c>, <c>receipt.csv</c> or <c>receipt.xlsx</c>.</summary>
    public static string ReceiptFile(string company, string file, string format) => $"{Receipt(company, file)}/receipt.{Segment(format)}";

    public static string Progress(string company, int? year = null) => $"{Company(company)}/progress{Year(year)}";

    /// <summary>Without the extension: the page adds <c>.pdf</c>, <c>.xlsx</c> or <c>.json</c>.</summary>
    public static string Keurmerk(string company, int year) => $"{Company(company)}/keurmerk/{Number(year)}/keurmerk";

    /// <summary>A signed report version: <c>report.pdf</c>, <c>report.xlsx</c> or <c>report.json</c>.</summary>
    public static string ReportFile(string company, int year, int version, string extension) =>
        $"{Company(company)}/reports/{Number(year)}/{Number(version)}/report.{Segment(extension)}";

    // The bureau's pages.

    public static string FieldworkOverview(int? year = null) => $"/portal/bureau/fieldwork{Year(year)}";

    public static string Fieldwork(string company, int year) => $"/portal/bureau/fieldwork/{Segment(company)}{Year(year)}";

    public static string Letters(string company, int year) => $"/portal/bureau/fieldwork/{Segment(company)}/letters{Year(year)}";

    public static string Population(string company, int year) => $"/portal/bureau/population/{Segment(company)}{Year(year)}";

    public static string Calls(string company, int year) => $"/portal/bureau/calls/{Segment(company)}{Year(year)}";

    public static string Call(string company, string service, int year) => $"/portal/bureau/calls/{Segment(company)}/{Segment(service)}{Year(year)}";

    /// <summary>The answer form for an interviewer or typist; <paramref name="mode"/> as <c>ResponseModes.Name</c> writes it.</summary>
    public static string Answers(string company, string service, int year, string mode) =>
        $"/portal/bureau/companies/{Segment(company)}/answers/{Segment(service)}{Year(year)}&mode={Query(mode)}";

    public static string Report(string company, int year) => $"/portal/bureau/reports/{Segment(company)}{Year(year)}";

    public static string OpenAnswers(string company, int year) => $"/portal/bureau/reports/{Segment(company)}/open-answers{Year(year)}";

    public static string DraftPdf(string company, int year, string draft) =>
        $"/portal/bureau/reports/{Segment(company)}/{Number(year)}/draft/report.pdf?concept={Query(draft)}";

    public static string ExemptionLetter(string company, int year, string perceelSlug) =>
        $"/portal/bureau/reports/{Segment(company)}/{Number(year)}/exemption/{Segment(perceelSlug)}";

    /// <summary>A stylesheet or script, with its content's version so a browser never keeps an old one.</summary>
    public static string Asset(string file, string version) => $"/portal/assets/{Segment(file)}?v={Query(version)}";

    /// <summary>A query value, escaped (a klantnummer the bureau typed).</summary>
    public static string Query(string value) => Uri.EscapeDataString(value);

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Year(int? year) => year is { } y ? $"?year={Number(y)}" : "";
}
