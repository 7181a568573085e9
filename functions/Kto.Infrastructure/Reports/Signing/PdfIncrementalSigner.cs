using System.Globalization;
using System.Text;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// Adds a signature to an existing PDF as an incremental update (ISO 32000-1 §7.5.6, §12.8): the original bytes stay
/// as they are, and after them come a signature dictionary, a signature field with its widget on the last page, the
/// catalog with an AcroForm and the page with the widget in its annotations, a cross-reference section and a trailer
/// pointing back to the original one. The CMS signs every byte except the /Contents hex string that holds it.
/// <para>
/// Why not PDFsharp 6.2.4: it opens the SkiaSharp PDF, but it saves (and therefore signs) by writing the whole
/// document anew (a plain open-and-save kept 11 of 214,943 bytes in place), which rebuilds the file the renderer made.
/// This writer needs only what SkiaSharp produces: a classic cross-reference table (xref streams are refused).
/// </para>
/// </summary>
public static class PdfIncrementalSigner
{
    /// <summary>Room for the DER CMS (certificate chain and signature); the hex string takes twice as many characters.</summary>
    public const int MaxSignatureBytes = 16 * 1024;

    private static readonly Encoding Latin1 = Encoding.Latin1;
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    /// <param name="field">The visible signature field on the last page.</param>
    /// <param name="sign">Makes the detached CMS over the signed bytes (the file without the /Contents value).</param>
    public static byte[] Sign(byte[] pdf, SignatureField field, Func<byte[], byte[]> sign) =>
        SignAsync(pdf, field, content => Task.FromResult(sign(content))).GetAwaiter().GetResult();

    /// <inheritdoc cref="Sign"/>
    /// <param name="sign">Makes the detached CMS over the signed bytes; may ask a timestamp authority on the way.</param>
    public static async Task<byte[]> SignAsync(byte[] pdf, SignatureField field, Func<byte[], Task<byte[]>> sign)
    {
        var document = PdfObjects.Read(pdf);
        var catalog = document.Dictionary(document.Root);
        if (PdfObjects.Value(catalog, "AcroForm") is not null)
            throw new NotSupportedException("The PDF already has a form (AcroForm); this signer only signs documents without one.");
        var page = document.LastPage();
        var pageDict = document.Dictionary(page);

        var sigNumber = document.Size;
        var widgetNumber = sigNumber + 1;
        var appearanceNumber = sigNumber + 2;

        var output = new MemoryStream();
        output.Write(pdf);
        if (pdf[^1] != '\n') output.WriteByte((byte)'\n');
        var offsets = new SortedDictionary<int, long>();
        void Object(int number, string body)
        {
            offsets[number] = output.Position;
            output.Write(Latin1.GetBytes($"{number} 0 obj\n{body}\nendobj\n"));
        }

        Object(document.Root, PdfObjects.WithEntry(catalog, "AcroForm", $"<</Fields [{widgetNumber} 0 R] /SigFlags 3>>"));
        var annots = PdfObjects.Value(pageDict, "Annots");
        Object(page, annots switch
        {
            null => PdfObjects.WithEntry(pageDict, "Annots", $"[{widgetNumber} 0 R]"),
            _ when annots.StartsWith('[') => PdfObjects.Replace(pageDict, "Annots", annots[..^1].TrimEnd() + $" {widgetNumber} 0 R]"),
            _ => throw new NotSupportedException("The last page's /Annots is not a direct array."),
        });

        var r = field.Rect;
        var rect = string.Join(' ', new[] { r.Left, r.Bottom, r.Right, r.Top }.Select(Number));
        Object(widgetNumber, $"<</Type /Annot /Subtype /Widget /FT /Sig /T {PdfObjects.Text(field.Name)} /V {sigNumber} 0 R " +
                             $"/F 132 /Rect [{rect}] /P {page} 0 R /AP <</N {appearanceNumber} 0 R>>>>");
        // The renderer draws the block's text on the page itself; the widget's appearance is an empty form over it.
        Object(appearanceNumber, $"<</Type /XObject /Subtype /Form /BBox [0 0 {Number(r.Right - r.Left)} {Number(r.Top - r.Bottom)}] /Length 0>>\nstream\n\nendstream");

        // The signature dictionary, with fixed-width placeholders for /ByteRange and /Contents.
        offsets[sigNumber] = output.Position;
        var head = Latin1.GetBytes($"{sigNumber} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached " +
                                   $"/M {PdfObjects.Date(field.SignedAt)} /Name {PdfObjects.Text(field.SignerName)} " +
                                   $"/Reason {PdfObjects.Text(field.Reason)} /ByteRange ");
        output.Write(head);
        var byteRangeAt = output.Position;
        output.Write(Latin1.GetBytes(ByteRangePlaceholder + " /Contents "));
        var contentsAt = output.Position;
        output.Write(Latin1.GetBytes("<" + new string('0', MaxSignatureBytes * 2) + ">"));
        var contentsEnd = output.Position;
        output.Write(Latin1.GetBytes(">>\nendobj\n"));

        var xrefAt = output.Position;
        var xref = new StringBuilder("xref\n");
        foreach (var (number, offset) in offsets)
            xref.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {appearanceNumber + 1} /Root {document.Root} 0 R");
        if (document.Info is { } info) xref.Append(CultureInfo.InvariantCulture, $" /Info {info}");
        if (document.Id is { } id) xref.Append(CultureInfo.InvariantCulture, $" /ID {id}");
        xref.Append(CultureInfo.InvariantCulture, $" /Prev {document.StartXref}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Latin1.GetBytes(xref.ToString()));

        var signed = output.ToArray();
        var byteRange = $"[0 {contentsAt:D10} {contentsEnd:D10} {signed.Length - contentsEnd:D10}]";
        Latin1.GetBytes(byteRange).CopyTo(signed, byteRangeAt);

        var covered = new byte[contentsAt + (signed.Length - contentsEnd)];
        Array.Copy(signed, 0, covered, 0, contentsAt);
        Array.Copy(signed, contentsEnd, covered, contentsAt, signed.Length - contentsEnd);
        var cms = await sign(covered);
        if (cms.Length > MaxSignatureBytes)
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {MaxSignatureBytes} bytes reserved for it.");
        Latin1.GetBytes(Convert.ToHexString(cms)).CopyTo(signed, contentsAt + 1);
        return signed;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
