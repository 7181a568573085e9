using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    public void Known_valid_numbers_pass_the_11_proef(string bsn) => Assert.True(Bsn.IsValid(bsn));

    [Theory]
    [InlineData("111222334")]
    [InlineData("123456789")]
    [InlineData("000000000")] // sum 0 is not a BSN
    [InlineData("12345678")]
    [InlineData("1112223330")]
    [InlineData("12345678a")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_values_do_not_pass(string? value) => Assert.False(Bsn.IsValid(value));

    [Theory]
    [InlineData("111222333", true)]
    [InlineData(" 111 222 333 ", true)]
    [InlineData("111.222.333", true)]
    [InlineData("1112223330", false)]
    [InlineData("K111222333", false)]
    public void A_field_is_a_bsn_also_with_spaces_or_dots(string value, bool expected) =>
        Assert.Equal(expected, Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("123-456-782")]
    [InlineData("111-222-333")]
    [InlineData("123.456.782")]
    [InlineData("123 456 782")]
    [InlineData("123\u00A0456\u00A0782")] // no-break space
    [InlineData("123\u202F456\u202F782")] // narrow no-break space
    [InlineData("123\u2009456\u2009782")] // thin space
    [InlineData("123\u3000456\u3000782")] // ideographic space
    [InlineData("123\u200B456\u200B782")] // zero-width space
    [InlineData("\u00A0123456782\u200B")]
    [InlineData("=\"123456782\"")]
    [InlineData("=\"123-456-782\"")]
    [InlineData("'123456782")]
    [InlineData("12345672")]    // BSN 012345672 stored as a number: the leading 0 is gone
    [InlineData("12.345.672")]  // the same number shown in thousands
    [InlineData("=\"12345672\"")]
    public void Every_way_a_spreadsheet_or_person_writes_a_bsn_is_recognised(string value) =>
        Assert.True(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("12345678")]     // eight digits that are no BSN with a leading 0 either
    [InlineData("123456789")]    // nine digits failing the 11-proef
    [InlineData("01-02-1990")]   // a date: eight digits that pass with a leading 0, but not written as a number
    [InlineData("1985-04-02")]
    [InlineData("1234-5672")]    // eight digits in groups that are no thousands
    [InlineData("-123456782")]
    [InlineData("123--456-782")]
    [InlineData("123456782.")]
    [InlineData("=123456782+1")]
    [InlineData("1234567")]
    public void Client_numbers_dates_and_other_text_are_not_taken_for_a_bsn(string value) =>
        Assert.False(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("klant 123456782 ontbreekt", true)]
    [InlineData("Naar werk", false)]
    [InlineData("15-03-2025", false)]
    public void A_text_that_may_hold_a_bsn_is_recognised(string text, bool expected) =>
        Assert.Equal(expected, Bsn.MayContainBsn(text));
}
