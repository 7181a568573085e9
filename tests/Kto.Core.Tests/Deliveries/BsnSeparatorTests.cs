using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// A BSN is found however its groups are kept apart: every ASCII white space (tab to carriage return, and the
/// information separators U+001C–U+001F, white space to Unicode though not to .NET), a non-breaking space, dots; and a
/// character just past ASCII is no reason to fail.
/// </summary>
public sealed class BsnSeparatorTests
{
    [Theory]
    [InlineData('\t')]
    [InlineData('\n')]
    [InlineData('\v')]
    [InlineData('\f')]
    [InlineData('\r')]
    [InlineData('\u00A0')]
    [InlineData('\u001C')]
    [InlineData('\u001D')]
    [InlineData('\u001E')]
    [InlineData('\u001F')]
    public void Groups_kept_apart_by_any_white_space_are_a_bsn(char separator)
    {
        Assert.True(Bsn.LooksLikeBsn($"123{separator}456{separator}782"));
        Assert.False(Bsn.LooksLikeBsn($"123{separator}456{separator}783"));
    }

    [Fact]
    public void A_delivery_with_a_bsn_kept_apart_by_information_separators_rejects_the_row_and_refuses_the_column()
    {
        // Through the whole parser: the byte census lets these characters through to the exact check, which now takes them.
        var bsn = "123\u001F456\u001F782";
        var row = ParseCsv(Header, Row(klantnummer: "K1"), Row(klantnummer: "K2").Replace(";Jan;", $";{bsn};"), Row(klantnummer: "K3"));
        Assert.Equal(DeliveryCodes.BsnValue, Assert.Single(row.Rows[1].Rejections).Code);
        Assert.All(new[] { row.Rows[0], row.Rows[2] }, r => Assert.NotNull(r.Service));

        // Few enough control characters (under 1 % of the bytes) that the file is still read as text.
        var column = ParseCsv(Header + ";nummer", Row(klantnummer: "K1") + $";{bsn}", Row(klantnummer: "K2") + ";",
            Row(klantnummer: "K3") + ";111\u001C222\u001C333", Row(klantnummer: "K4") + ";");
        Assert.Equal(DeliveryCodes.BsnColumn, column.Inspection.Refusal?.Code);
        Assert.Equal("nummer", column.Inspection.Refusal?.Column);
    }

    [Fact]
    public void A_bsn_with_nines_written_in_groups_is_a_bsn()
    {
        // Digits are '0' to '9' inclusive: the nines must count when the value is read group by group.
        Assert.True(Bsn.LooksLikeBsn("999.999.990"));
        Assert.True(Bsn.LooksLikeBsn("999 999 990"));
    }

    [Theory]
    [InlineData("12345678\u0080")]
    [InlineData("\u0080123456782")]
    [InlineData("123\u0085456\u0085782")]
    public void A_character_just_past_ascii_is_read_without_failing(string value)
    {
        // U+0080 is no separator, so no BSN; U+0085 (next line) is white space, so a separator.
        Assert.Equal(value.Contains('\u0085'), Bsn.LooksLikeBsn(value));
    }
}
