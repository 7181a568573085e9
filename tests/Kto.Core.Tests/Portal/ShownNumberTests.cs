using Kto.Core.Portal;

namespace Kto.Core.Tests.Portal;

/// <summary>A number a page shows is written in the page's language: decimal comma and dot grouping in Dutch, the other way round in English.</summary>
public sealed class ShownNumberTests
{
    [Theory]
    [InlineData("nl", "7,4", "1.250", "2,5", "2")]
    [InlineData("en", "7.4", "1,250", "2.5", "2")]
    [InlineData(null, "7,4", "1.250", "2,5", "2")]
    [InlineData("en-US", "7.4", "1,250", "2.5", "2")]
    public void A_grade_a_count_and_a_mean_read_in_the_language(string? language, string grade, string count, string mean, string whole)
    {
        Assert.Equal(grade, ShownNumber.Grade(7.43).In(language));
        Assert.Equal(count, ShownNumber.Count(1250).In(language));
        Assert.Equal(mean, ShownNumber.Mean(2.5).In(language));
        Assert.Equal(whole, ShownNumber.Mean(2).In(language));
    }

    [Theory]
    [InlineData("nl", "2,5", "7,0")]
    [InlineData("en", "2.5", "7.0")]
    public void A_mean_and_a_grade_are_rounded_to_one_decimal(string language, string mean, string grade)
    {
        Assert.Equal(mean, ShownNumber.Mean(2.46).In(language));
        Assert.Equal(grade, ShownNumber.Grade(6.96).In(language));
    }

    [Fact]
    public void Outside_a_page_a_number_reads_in_Dutch() =>
        Assert.Equal(("7,0", 7.0), (ShownNumber.Grade(7).ToString(), ShownNumber.Grade(7).Value));
}
