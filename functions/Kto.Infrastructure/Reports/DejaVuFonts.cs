using SkiaSharp;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// DejaVu Sans for the PDF report, loaded from the files of the Debian package fonts-dejavu-core (which ./kto installs)
/// rather than looked up by name, so the report never falls back to a font without the Dutch characters (ë, é, €, ≥, –).
/// Loaded once per process; a missing file fails with a message that names the package.
/// </summary>
public static class DejaVuFonts
{
    public const string Family = "DejaVu Sans";
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    private const string RegularFile = "DejaVuSans.ttf";
    private const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly object Gate = new();
    private static (DejaVuFace Regular, DejaVuFace Bold)? loaded;

    /// <summary>The regular and bold typefaces; throws <see cref="InvalidOperationException"/> when the fonts are not installed.</summary>
    public static (DejaVuFace Regular, DejaVuFace Bold) Load(string folder = DefaultFolder)
    {
        lock (Gate)
        {
            if (loaded is { } fonts) return fonts;
            var missing = new[] { RegularFile, BoldFile }.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"The PDF report needs the DejaVu fonts in {folder} (missing: {string.Join(", ", missing)}). " +
                    "Install them with: apt-get install fonts-dejavu-core (./kto test does this when run as root).");
            var regular = SKTypeface.FromFile(Path.Combine(folder, RegularFile));
            var bold = SKTypeface.FromFile(Path.Combine(folder, BoldFile));
            if (regular is null || bold is null)
                throw new InvalidOperationException(
                    $"The DejaVu fonts in {folder} could not be read. Reinstall them with: apt-get install --reinstall fonts-dejavu-core.");
            loaded = (new DejaVuFace(Path.Combine(folder, RegularFile), regular), new DejaVuFace(Path.Combine(folder, BoldFile), bold));
            return loaded.Value;
        }
    }
}

/// <summary>A loaded font file: its path (for subsetting) and its typeface (for measuring).</summary>
public sealed record DejaVuFace(string Path, SKTypeface Typeface);
