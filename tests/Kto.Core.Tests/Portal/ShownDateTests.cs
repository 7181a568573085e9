using System.Globalization;
using Kto.Core.Portal;

namespace Kto.Core.Tests.Portal;

/// <summary>
/// A date a page shows is written in Dutch time, in the page's language: Dutch exactly as the pages wrote it before
/// (DutchTime.Culture and the same format), English with English month names and "at" for "om".
/// </summary>
public sealed class ShownDateTests
{
    // 05:52 UTC on 7 December is 06:52 in Amsterdam (winter time); 05:52 UTC on 7 July is 07:52 (summer time).
    private static readonly DateTimeOffset Winter = new(2026, 12, 7, 5, 52, 9, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 7, 5, 52, 9, TimeSpan.Zero);

    public static TheoryData<string, string, string> Styles() => new()
    {
        { "Day", "7 december 2026", "7 December 2026" },
        { "Minute", "7 december 2026 06:52", "7 December 2026 06:52" },
        { "MinuteAt", "7 december 2026 om 06:52", "7 December 2026 at 06:52" },
        { "SecondAt", "7 december 2026 om 06:52:09", "7 December 2026 at 06:52:09" },
        { "Month", "december 2026", "December 2026" },
        { "Time", "06:52", "06:52" },
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public void A_date_reads_in_the_page_language(string style, string dutch, string english)
    {
        var date = Make(style, Winter);
        Assert.Equal(dutch, date.In("nl"));
        Assert.Equal(dutch, date.In(null));
        Assert.Equal(english, date.In("en"));
        Assert.Equal(dutch, date.ToString());
    }

    [Fact]
    public void Dutch_is_written_as_the_pages_wrote_it_before()
    {
        // The short forms depend on the culture's abbreviations: compared with the format the pages used.
        Assert.Equal(DutchTime.ToDutch(Winter).ToString("d MMM yyyy", DutchTime.Culture), ShownDate.ShortDay(Winter).In("nl"));
        Assert.Equal(DutchTime.ToDutch(Winter).ToString("d MMM yyyy HH:mm", DutchTime.Culture), ShownDate.ShortMinute(Winter).In("nl"));
        Assert.Equal(DutchTime.ToDutch(Winter).ToString("d MMM yyyy HH:mm:ss", DutchTime.Culture), ShownDate.ShortSecond(Winter).In("nl"));
        Assert.Equal(DutchTime.ToDutch(Winter).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), ShownDate.ShortDay(Winter).In("en"));
        Assert.NotEqual(ShownDate.ShortDay(Summer).In("nl"), ShownDate.ShortDay(Summer).In("en"));
    }

    [Theory]
    [InlineData(3, false, "maart", "March")]
    [InlineData(3, true, "mrt", "Mar")]
    [InlineData(12, true, "dec", "Dec")]
    public void A_month_is_named_in_the_page_language(int month, bool abbreviated, string dutch, string english)
    {
        Assert.Equal(dutch, ShownDate.MonthName(month, abbreviated).In("nl"));
        Assert.Equal(english, ShownDate.MonthName(month, abbreviated).In("en"));
    }

    [Fact]
    public void The_time_is_Dutch_time_in_either_language()
    {
        Assert.Equal("7 juli 2026 om 07:52", ShownDate.MinuteAt(Summer).In("nl"));
        Assert.Equal("7 July 2026 at 07:52", ShownDate.MinuteAt(Summer).In("en"));
    }

    private static ShownDate Make(string style, DateTimeOffset at) => style switch
    {
        "Day" => ShownDate.Day(at),
        "Minute" => ShownDate.Minute(at),
        "MinuteAt" => ShownDate.MinuteAt(at),
        "SecondAt" => ShownDate.SecondAt(at),
        "Month" => ShownDate.Month(at),
        _ => ShownDate.Time(at),
    };
}
