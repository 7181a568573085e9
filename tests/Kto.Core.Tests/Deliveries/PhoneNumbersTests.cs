using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class PhoneNumbersTests
{
    [Theory]
    [InlineData("0612345678", "0612345678")]
    [InlineData("06-12345678", "0612345678")]
    [InlineData("06 123 456 78", "0612345678")]
    [InlineData("612345678", "0612345678")]
    [InlineData("6.12345678E+08", "0612345678")]
    [InlineData("6,12345678E+08", "0612345678")]
    [InlineData("020-1234567", "0201234567")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("+31 (0)6 12345678", "+31612345678")]
    [InlineData("+31 06 12345678", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    [InlineData("onbekend", null)]
    [InlineData("  ", null)]
    public void Written_numbers_are_normalised(string text, string? expected) =>
        Assert.Equal(expected, PhoneNumbers.Normalise(text));

    [Theory]
    [InlineData(612345678d, "0612345678")] // also how 6.12345678E8 is stored
    [InlineData(201234567d, "0201234567")]
    [InlineData(31612345678d, "+31612345678")]
    public void Spreadsheet_numbers_get_their_leading_zero_back(double number, string expected) =>
        Assert.Equal(expected, PhoneNumbers.Normalise(number));
}
