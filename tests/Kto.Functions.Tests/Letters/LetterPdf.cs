using System.Diagnostics;
using System.Text;
using Kto.Infrastructure.Letters;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Kto.Functions.Tests.Letters;

/// <summary>Reads a letter PDF as people and machines would: poppler's text (whole, or a cropped region) and the QR code.</summary>
public static class LetterPdf
{
    /// <summary><c>pdftotext -layout</c> of one page, or of a region of it in points (pdftotext at 72 dpi: a pixel is a point).</summary>
    public static string Text(byte[] pdf, int page, (double X, double Y, double W, double H)? crop = null)
    {
        var args = new List<string> { "-layout", "-enc", "UTF-8", "-f", page.ToString(), "-l", page.ToString(), "-r", "72" };
        if (crop is { } c)
            args.AddRange(["-x", ((int)c.X).ToString(), "-y", ((int)c.Y).ToString(), "-W", ((int)Math.Ceiling(c.W)).ToString(), "-H", ((int)Math.Ceiling(c.H)).ToString()]);
        return Run("pdftotext", args, pdf, "-", ".pdf", bytes => Encoding.UTF8.GetString(bytes));
    }

    /// <summary><c>pdftotext -layout</c> of every page, in order (pdftotext ends each page with a form feed).</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf) =>
        Run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf, "-", ".pdf", bytes => Encoding.UTF8.GetString(bytes)).Split('\f')[..^1];

    /// <summary>Each word of a page with its height in points (<c>pdftotext -bbox</c>): how large the type is printed.</summary>
    public static IReadOnlyList<(string Word, double Height)> Words(byte[] pdf, int page)
    {
        var html = Run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", page.ToString(), "-l", page.ToString()], pdf, "-", ".pdf", bytes => Encoding.UTF8.GetString(bytes));
        return System.Text.RegularExpressions.Regex.Matches(html, "<word xMin=\"[^\"]+\" yMin=\"([^\"]+)\" xMax=\"[^\"]+\" yMax=\"([^\"]+)\">([^<]*)</word>")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[3].Value),
                double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>The text the first QR code on a page holds: the page rendered by <c>pdftoppm -r 150 -gray</c> (PGM), read by ZXing.</summary>
    public static string? Qr(byte[] pdf, int page)
    {
        var pgm = Run("pdftoppm", ["-r", "150", "-gray", "-f", page.ToString(), "-l", page.ToString(), "-singlefile"], pdf, null, ".pdf", b => b);
        var (width, height, pixels) = ParsePgm(pgm);
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }

    /// <summary>A binary PGM (P5, 8 bits): width, height and the grey bytes.</summary>
    public static (int Width, int Height, byte[] Pixels) ParsePgm(byte[] pgm)
    {
        var position = 0;
        string Next()
        {
            while (true)
            {
                while (char.IsWhiteSpace((char)pgm[position])) position++;
                if (pgm[position] != '#') break;
                while (pgm[position] != '\n') position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)pgm[position])) position++;
            return Encoding.ASCII.GetString(pgm, start, position - start);
        }
        Assert.Equal("P5", Next());
        var width = int.Parse(Next());
        var height = int.Parse(Next());
        Assert.Equal("255", Next());
        position++; // the one whitespace byte before the pixels
        return (width, height, pgm[position..(position + width * height)]);
    }

    /// <summary>The address field of <see cref="LetterPdfRenderer"/>, in points from the page's top-left.</summary>
    public static (double X, double Y, double W, double H) Window =>
        (LetterPdfRenderer.AddressWindow.X, LetterPdfRenderer.AddressWindow.Y, LetterPdfRenderer.AddressWindow.Width, LetterPdfRenderer.AddressWindow.Height);

    private static T Run<T>(string tool, List<string> args, byte[] pdf, string? output, string extension, Func<byte[], T> read)
    {
        var path = TestTemp.File($"kto-letter-{Guid.NewGuid():N}{extension}");
        // KTO_LETTER_DUMP=DIR keeps a copy of every letter PDF a test reads, to look at as a person would.
        if (Environment.GetEnvironmentVariable("KTO_LETTER_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, $"letters-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))[..12]}.pdf"), pdf);
        }
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add(path);
            if (output is not null) start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
            return read(buffer.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
