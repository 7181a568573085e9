using System.Text;
using System.Text.Unicode;

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
                DeliveryMessages.Pdf);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return SniffResult.Refused(DeliveryCodes.UnsupportedFormat,
                DeliveryMessages.OldExcelOrProtected);
        if (start.StartsWith("PK\u0003\u0004"u8))
            return SniffResult.Of(DeliveryFormat.Xlsx, null);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return SniffResult.Of(DeliveryFormat.Csv, Encoding.Unicode);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return SniffResult.Of(DeliveryFormat.Csv, Encoding.BigEndianUnicode);

        content.Position = 0;
        var validUtf8 = true;
        var buffer = new byte[BufferSize];
        // Validated without decoding (Utf8.IsValid checks what a throwing UTF-8 decoder refuses: overlong forms,
        // surrogates, stray continuation bytes). A character cut off at a block's end is carried to the next block,
        // so a valid "é" across two blocks stays valid and one cut off at the file's end is not.
        var carried = 0;
        var firstBlock = true;
        int read;
        while ((read = content.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var block = buffer.AsSpan(carried, read);
            if ((firstBlock && LooksBinary(block)) || block.Contains((byte)0))
                return SniffResult.Refused(DeliveryCodes.UnreadableFile,
                    DeliveryMessages.NotText);
            firstBlock = false;
            if (!validUtf8) continue;
            var text = buffer.AsSpan(0, carried + read);
            var complete = CompleteLength(text);
            validUtf8 = Utf8.IsValid(text[..complete]);
            text[complete..].CopyTo(buffer);
            carried = text.Length - complete;
        }
        if (carried > 0) validUtf8 = false;
        return SniffResult.Of(DeliveryFormat.Csv, validUtf8 ? new UTF8Encoding(false) : Windows1252);
    }

    /// <summary>
    /// The length of <paramref name="text"/> without a multi-byte character it ends in the middle of (at most three
    /// bytes: a lead byte and the continuation bytes after it), which the next block completes.
    /// </summary>
    internal static int CompleteLength(ReadOnlySpan<byte> text)
    {
        for (var at = text.Length - 1; at >= 0 && at >= text.Length - 3; at--)
        {
            var b = text[at];
            if (b < 0x80) return text.Length;
            if (b < 0xC0) continue; // a continuation byte: look further back for its lead byte
            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            return text.Length - at < length ? at : text.Length;
        }
        return text.Length;
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
