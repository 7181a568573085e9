using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The BSN check at its edges: every digit 0–9 counts, and a column name is only withheld for nine digits in one run.</summary>
public class BsnEdgeTests
{
    [Theory]
    [InlineData("999999990")] // every weight on a 9
    [InlineData("099999900")] // zeros at both ends
    public void Numbers_made_of_nines_and_zeros_pass_the_11_proef_like_any_other(string bsn)
    {
        Assert.True(Bsn.IsValid(bsn));
        Assert.True(Bsn.LooksLikeBsn(bsn));
        Assert.True(Bsn.MayContainBsn($"klant {bsn}"));
    }

    [Theory]
    [InlineData("bsn 123-456-782")]
    [InlineData("123.456.782 (oud)")]
    [InlineData("nr 123 456 782")]
    public void A_column_name_with_a_grouped_bsn_may_contain_one(string name) => Assert.True(Bsn.MayContainBsn(name));

    [Theory]
    [InlineData("1234x56782")]   // a letter breaks the run: no nine digits in a row
    [InlineData("12345/6782")]
    [InlineData("kolom 12345678")]
    [InlineData("")]
    [InlineData(null)]
    public void Digits_split_by_other_characters_are_not_joined_into_a_bsn(string? name) => Assert.False(Bsn.MayContainBsn(name));

    [Fact]
    public void A_valid_run_ends_at_a_letter_and_is_still_found()
    {
        Assert.True(Bsn.MayContainBsn("123456782x"));
        Assert.True(Bsn.MayContainBsn("x123456782x9"));
    }

    [Theory]
    [InlineData("=\"123456782\"", true)]
    [InlineData("=\"123456782", false)]   // no closing quote: not Excel's text form
    [InlineData("'123456782", true)]
    [InlineData("=\"\"", false)]
    public void Excels_text_forms_are_unwrapped_only_when_complete(string value, bool bsn) =>
        Assert.Equal(bsn, Bsn.LooksLikeBsn(value));
}
