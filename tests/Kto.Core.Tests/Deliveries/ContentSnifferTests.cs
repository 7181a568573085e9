using System.Text;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>What a file is, by its bytes and not its name: a workbook, text in some encoding, or something refused.</summary>
public sealed class ContentSnifferTests
{
    private static SniffResult Sniff(byte[] bytes) => ContentSniffer.Sniff(new MemoryStream(bytes));

    private static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void A_pdf_or_an_old_excel_file_is_refused_as_unsupported_whatever_its_name()
    {
        // A PDF or .xls saved as .csv would be read as garbage; the company is told what to deliver instead.
        Assert.Equal(DeliveryCodes.UnsupportedFormat, Sniff(Text("%PDF-1.7 ...")).Refusal?.Code);
        Assert.Equal(DeliveryCodes.UnsupportedFormat, Sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).Refusal?.Code);
    }

    [Fact]
    public void A_zip_archive_is_read_as_a_workbook()
    {
        // An .xlsx is a zip: its first bytes say so, whatever the file is called.
        var sniffed = Sniff([(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0]);

        Assert.Equal((DeliveryFormat.Xlsx, null, null), (sniffed.Format, sniffed.Encoding, sniffed.Refusal));
    }

    [Fact]
    public void A_UTF16_byte_order_mark_gives_that_encoding()
    {
        // "Unicode text" from Excel is UTF-16 with a byte order mark, little- or big-endian.
        Assert.Equal(Encoding.Unicode, Sniff([0xFF, 0xFE, (byte)'a', 0]).Encoding);
        Assert.Equal(Encoding.BigEndianUnicode, Sniff([0xFE, 0xFF, 0, (byte)'a']).Encoding);
    }

    [Fact]
    public void Text_that_is_valid_UTF8_is_UTF8_and_any_other_text_is_Windows_1252()
    {
        // Excel on Dutch Windows writes Windows-1252: "é" as one byte 0xE9, which is no valid UTF-8.
        Assert.IsType<UTF8Encoding>(Sniff(Encoding.UTF8.GetBytes("naam;plaats\r\nRené;Zoë\r\n")).Encoding);
        Assert.Equal(1252, Sniff([.. Text("naam\r\nRen"), 0xE9, .. Text("\r\n")]).Encoding!.CodePage);
    }

    [Fact]
    public void A_file_that_ends_in_the_middle_of_a_UTF8_character_is_Windows_1252()
    {
        // A last byte that starts a two-byte character but has no second byte is no UTF-8 (in 1252 it is "Ã").
        Assert.Equal(1252, Sniff([.. Text("naam\r\nRen"), 0xC3]).Encoding!.CodePage);
    }

    [Fact]
    public void A_UTF8_character_split_over_two_read_blocks_is_still_UTF8()
    {
        // The file is read in blocks of 64 KiB: a character across the boundary must not make it Windows-1252.
        var bytes = Enumerable.Repeat((byte)'a', 64 * 1024 - 1).Concat(Encoding.UTF8.GetBytes("é\r\n")).ToArray();

        Assert.IsType<UTF8Encoding>(Sniff(bytes).Encoding);
    }

    [Fact]
    public void An_invalid_byte_after_the_first_block_still_makes_the_file_Windows_1252()
    {
        // The whole file decides the encoding, not only its start.
        var bytes = Enumerable.Repeat((byte)'a', 70_000).Append((byte)0xE9).ToArray();

        Assert.Equal(1252, Sniff(bytes).Encoding!.CodePage);
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x08)]
    [InlineData(0x0B)]
    [InlineData(0x0C)]
    [InlineData(0x0E)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    public void More_than_one_percent_control_characters_is_binary_and_refused(byte control)
    {
        // Text holds tabs and line breaks, hardly any other control character: 2 in 100 bytes is not text.
        var bytes = Enumerable.Repeat((byte)'a', 98).Append(control).Append(control).ToArray();

        Assert.Equal(DeliveryCodes.UnreadableFile, Sniff(bytes).Refusal?.Code);
    }

    [Fact]
    public void One_percent_control_characters_or_any_number_of_tabs_and_line_breaks_is_still_text()
    {
        // The limit is "more than 1 %"; tab, LF and CR are what text is made of.
        Assert.Null(Sniff([.. Enumerable.Repeat((byte)'a', 99), 0x01]).Refusal);
        Assert.Null(Sniff([.. Enumerable.Repeat((byte)'\t', 40), .. Enumerable.Repeat((byte)'\n', 30), .. Enumerable.Repeat((byte)'\r', 30), (byte)' ']).Refusal);
    }

    [Fact]
    public void Control_characters_after_the_first_block_do_not_make_a_file_binary()
    {
        // The share of control characters is judged on the first 64 KiB only (a NUL anywhere is another matter): a
        // large export with a stray run of them further on is still text, here valid UTF-8.
        var bytes = Enumerable.Repeat((byte)'a', 64 * 1024).Concat(Enumerable.Repeat((byte)0x01, 1000)).ToArray();

        var sniffed = Sniff(bytes);

        Assert.Null(sniffed.Refusal);
        Assert.IsType<UTF8Encoding>(sniffed.Encoding);
    }

    [Fact]
    public void A_file_of_a_stray_continuation_byte_is_Windows_1252()
    {
        // 0x80 starts no UTF-8 character; in Windows-1252 it is the euro sign.
        Assert.Equal(1252, Sniff([0x80]).Encoding!.CodePage);
    }

    [Fact]
    public void A_zero_byte_anywhere_in_the_file_is_binary_and_refused()
    {
        // A NUL is never in text (UTF-16 without a byte order mark looks like this): also far past the first block.
        var bytes = Enumerable.Repeat((byte)'a', 200_000).Append((byte)0).ToArray();

        Assert.Equal(DeliveryCodes.UnreadableFile, Sniff(bytes).Refusal?.Code);
    }

    // Valid characters of every length, and what a strict decoder refuses: a lone lead or continuation byte, an
    // overlong form, an encoded surrogate, a code point past U+10FFFF, bytes that never occur in UTF-8.
    private static readonly byte[][] Pieces =
    [
        "é"u8.ToArray(), "€"u8.ToArray(), "😀"u8.ToArray(), "ı"u8.ToArray(),
        [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF], [0xE9],
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80], [0xFF],
    ];

    [Fact]
    public void The_encoding_is_UTF8_exactly_when_a_strict_decoder_takes_the_whole_file()
    {
        // The check validates 64 KiB blocks without decoding and carries a character cut off at a block's end: it must
        // answer as decoding the whole file at once does, also for a piece right at a block boundary or the file's end.
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var random = new Random(22);
        var (utf8, other) = (0, 0);
        for (var round = 0; round < 400; round++)
        {
            var bytes = new List<byte>(Enumerable.Repeat((byte)'a', 64 * 1024 - random.Next(0, 5)));
            var pieces = random.Next(1, 3);
            for (var i = 0; i < pieces; i++)
            {
                // Mostly valid pieces, so that a file with only valid ones (UTF-8) occurs often enough.
                var piece = Pieces[random.Next(0, random.Next(2) == 0 ? 4 : Pieces.Length)];
                bytes.AddRange(piece);
                if (random.Next(3) == 0) bytes.AddRange(Enumerable.Repeat((byte)'b', random.Next(0, 4)));
            }
            if (random.Next(4) == 0) bytes.InsertRange(0, Pieces[random.Next(Pieces.Length)]);
            var file = bytes.ToArray();

            bool decodes;
            try { strict.GetCharCount(file); decodes = true; }
            catch (DecoderFallbackException) { decodes = false; }

            var encoding = Sniff(file).Encoding!;
            Assert.True(decodes == encoding is UTF8Encoding, $"round {round}: decodes {decodes}, sniffed {encoding.WebName}");
            if (decodes) utf8++; else other++;
        }
        // Both answers occurred often, so the comparison said something about each.
        Assert.True(utf8 > 50 && other > 50, $"{utf8} UTF-8, {other} not");
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3 }, 1)]
    [InlineData(new byte[] { 0x61, 0xC3, 0xA9 }, 3)]
    [InlineData(new byte[] { 0x61, 0xE2, 0x82 }, 1)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 }, 0)]
    [InlineData(new byte[] { 0x61, 0xF0, 0x9F, 0x98, 0x80 }, 5)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80 }, 3)]
    [InlineData(new byte[] { 0x61 }, 1)]
    [InlineData(new byte[] { 0x80 }, 1)]                   // only stray continuation bytes: nothing to look back to
    [InlineData(new byte[] { 0x80, 0x80 }, 2)]
    [InlineData(new byte[] { 0x61, 0xE2, 0x80 }, 1)]       // "…" (E2 80 A6) cut after its 0x80, the lowest continuation byte
    [InlineData(new byte[] { 0x61, 0xE0, 0xA4 }, 1)]       // "क" (E0 A4 95) cut: E0 is the lowest lead byte of three
    public void A_block_is_validated_up_to_a_character_it_cuts_off(byte[] block, int complete)
    {
        // Only the last character can be unfinished; a stray continuation byte is left for the validation to refuse.
        Assert.Equal(complete, ContentSniffer.CompleteLength(block));
    }
}
