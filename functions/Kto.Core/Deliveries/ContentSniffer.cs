using System.Text;

namespace Kto.Core.Deliveries;

/// <summary>
/// Decides from a file's bytes (not only its name) whether it is a workbook, text we can read as CSV, or
/// something else, and which text encoding it uses: UTF-8 (with or without BOM) when every byte is valid
/// UTF-8, otherwise Windows-1252 (what Excel writes on Dutch Windows machines).
/// </summary>
internal static class ContentSniffer
{
    private const int BufferSize = 64 * 1024;

    // Share of control characters above which text is taken for binary data.
    private const double MaxControlShare = 0.01;

    static ContentSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static SniffResult Sniff(Stream content)
    {
        content.Position = 0;
        var head = new byte[8];
        var headLength = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, headLength);

        if (start.StartsWith("%PDF"u8))
            return SniffResult.Refused(DeliveryCodes.UnsupportedFormat,
                "Dit is een PDF-bestand. Lever een export aan als .csv of .xlsx.");
        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return SniffResult.Refused(DeliveryCodes.UnsupportedFormat,
                "Dit is een oud Excel-bestand (.xls) of een beveiligd bestand. Sla het op als .xlsx of .csv, zonder wachtwoord.");
        if (start.StartsWith("PK\u0003\u0004"u8))
            return SniffResult.Of(DeliveryFormat.Xlsx, null);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return SniffResult.Of(DeliveryFormat.Csv, Encoding.Unicode);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return SniffResult.Of(DeliveryFormat.Csv, Encoding.BigEndianUnicode);

        content.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var validUtf8 = true;
        var buffer = new byte[BufferSize];
        // GetChars, not GetCharCount: only GetChars keeps a character cut off at a block's end for the next block
        // (GetCharCount leaves the decoder as it was, so a valid "é" across two blocks read as invalid, and a
        // character cut off at the file's end as valid).
        var chars = new char[Encoding.UTF8.GetMaxCharCount(BufferSize)];
        var firstBlock = true;
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            if ((firstBlock && LooksBinary(buffer.AsSpan(0, read))) || buffer.AsSpan(0, read).Contains((byte)0))
                return SniffResult.Refused(DeliveryCodes.UnreadableFile,
                    "Het bestand is geen leesbare tekst of spreadsheet. Lever een export aan als .csv of .xlsx.");
            firstBlock = false;
            if (!validUtf8) continue;
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                validUtf8 = false;
            }
        }
        if (validUtf8)
        {
            try
            {
                decoder.GetChars([], 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                validUtf8 = false;
            }
        }
        return SniffResult.Of(DeliveryFormat.Csv, validUtf8 ? new UTF8Encoding(false) : Windows1252);
    }

    private static bool LooksBinary(ReadOnlySpan<byte> block)
    {
        var control = 0;
        foreach (var b in block)
        {
            if (b is < 0x09 or 0x0B or 0x0C or (> 0x0D and < 0x20) or 0x7F) control++;
        }
        return control > block.Length * MaxControlShare;
    }
}
