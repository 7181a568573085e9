using System.Text;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// <see cref="DeliveryDates.TryParsePlain"/> reads "dd-mm-yyyy" at fixed positions before the general reading of the
/// plain shapes: for every cell, whatever its bytes, both must give the same answer and the same date.
/// </summary>
public sealed class PlainDateFastPathTests
{
    [Fact]
    public void Every_day_of_four_years_in_every_separator_reads_as_the_general_reading_reads_it()
    {
        var checkedDates = 0;
        for (var day = new DateOnly(2023, 1, 1); day.Year < 2027; day = day.AddDays(1))
        {
            foreach (var separator in new[] { '-', '/', '.' })
            {
                var written = day.ToString($"dd{separator}MM{separator}yyyy", System.Globalization.CultureInfo.InvariantCulture);
                AssertSame(written);
                Assert.True(DeliveryDates.TryParsePlain(Encoding.UTF8.GetBytes(written), out var date), written);
                Assert.Equal(day, date);
                checkedDates++;
            }
        }
        Assert.Equal(4 * 3 * 365 + 3, checkedDates);
    }

    [Theory]
    [InlineData("31-02-2025")] // the shape, no such day
    [InlineData("29-02-2024")] // a leap day
    [InlineData("29-02-2023")] // no leap day
    [InlineData("00-01-2025")]
    [InlineData("01-00-2025")]
    [InlineData("01-13-2025")]
    [InlineData("01-01-0000")] // no year 0
    [InlineData("31-12-9999")]
    [InlineData("15-03/2025")] // two separators
    [InlineData("15:03:2025")] // no date separator
    [InlineData("1/-03-2025")] // a separator where a digit belongs ('/' is just below '0')
    [InlineData("1:-03-2025")] // ':' is just above '9'
    [InlineData("15-03-202:")]
    [InlineData("15-03-2025")]
    [InlineData("5-3-2025")]
    [InlineData("15-3-2025")]
    [InlineData("2025-03-15")] // ISO: ten bytes too
    [InlineData("2025-3-15")]
    [InlineData("15-03-25")]
    [InlineData("150-3-2025")]
    [InlineData("")]
    public void Edge_cases_read_as_the_general_reading_reads_them(string text) => AssertSame(text);

    [Fact]
    public void Generated_ten_byte_cells_near_the_shape_read_as_the_general_reading_reads_them()
    {
        // Digits, separators, the bytes next to them and a non-ASCII byte, so every condition of the fast path is
        // both met and missed.
        byte[] alphabet = [.. "0123456789012345678901234567890123456789-/.-/.:/ aé"u8];
        var random = new Random(22);
        var accepted = 0;
        var bytes = new byte[10];
        for (var i = 0; i < 200_000; i++)
        {
            // Half of them written as a date (day 00–39, month 00–19, so some are no day or month), with one byte
            // changed now and then; the other half anything.
            if (i % 2 == 0)
            {
                var separator = "-/."[random.Next(3)];
                var written = $"{random.Next(40):D2}{separator}{random.Next(20):D2}{separator}{random.Next(10_000):D4}";
                Encoding.ASCII.GetBytes(written, bytes);
                if (random.Next(3) == 0) bytes[random.Next(bytes.Length)] = alphabet[random.Next(alphabet.Length)];
            }
            else
            {
                for (var b = 0; b < bytes.Length; b++) bytes[b] = alphabet[random.Next(alphabet.Length)];
            }
            if (AssertSame(bytes)) accepted++;
        }
        // Both answers occur often, so the comparison says something about each.
        Assert.InRange(accepted, 20_000, 180_000);
    }

    private static bool AssertSame(string text) => AssertSame(Encoding.UTF8.GetBytes(text));

    private static bool AssertSame(byte[] bytes)
    {
        var general = DeliveryDates.TryOtherPlainShape(bytes, out var expected);
        var fast = DeliveryDates.TryParsePlain(bytes, out var actual);
        Assert.True(general == fast, $"{Convert.ToHexString(bytes)}: general {general}, fast {fast}");
        Assert.Equal(expected, actual);
        return fast;
    }
}
