using PdfSharp.Fonts;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// PDFsharp finds no system fonts on Linux: this resolver serves DejaVu Sans (Debian package fonts-dejavu-core,
/// which ./kto installs) for every family the report asks for. DejaVu has every Dutch character (ë, é, €).
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
        ["DejaVuSans-Oblique"] = "DejaVuSans-Oblique.ttf",
        ["DejaVuSans-BoldOblique"] = "DejaVuSans-BoldOblique.ttf",
    };

    private static readonly object Gate = new();
    private readonly string folder;

    private DejaVuFontResolver(string folder) => this.folder = folder;

    /// <summary>
    /// Prepares PDFsharp once per process: its license and this font resolver. Fails with a clear message when
    /// the fonts are missing.
    /// </summary>
    /// <param name="licenseKey">
    /// A commercial PDFsharp license key (setting Kto:Report:PdfSharpLicenseKey). PDFsharp 6.5 refuses to work
    /// until a license is chosen; without a key the free AGPL license is loaded, whose terms then apply.
    /// </param>
    public static void EnsureInstalled(string? licenseKey, string folder = DefaultFolder)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFontResolver) return;
            if (string.IsNullOrWhiteSpace(licenseKey)) PdfSharp.PdfSharpLicense.SetAgplLicense();
            else PdfSharp.PdfSharpLicense.LoadLicense(licenseKey);
            var missing = Files.Values.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"The PDF report needs the DejaVu fonts in {folder} (missing: {string.Join(", ", missing)}). " +
                    "Install them with: apt-get install fonts-dejavu-core (./kto test does this when run as root).");
            GlobalFontSettings.FontResolver = new DejaVuFontResolver(folder);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) =>
        Files.TryGetValue(faceName, out var file) ? File.ReadAllBytes(Path.Combine(folder, file)) : null;
}
