using System.Text;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// Text that nearly has a plain date shape (d-m-yyyy, yyyy-m-d) but not quite: a wrong character where a digit or the
/// separator belongs, a part too long, something after the day. Read from a cell's text and from a CSV cell's bytes
/// alike: no date, so the row gets the unreadable-date rejection instead of a date the company never wrote.
/// </summary>
public sealed class DeliveryDateShapeTests
{
    [Theory]
    [InlineData("202x-03-15")] // three digits and a letter are no year (it would read as 2092)
    [InlineData("2025-03/15")] // ISO dates use "-" twice
    [InlineData("2025-003-5")] // a month of three digits
    [InlineData("2025-3-15x")] // something after the day
    public void Almost_an_iso_date_is_no_date_from_text_or_from_csv_bytes(string text)
    {
        Assert.False(DeliveryDates.TryParse(text, out _));
        Assert.False(DeliveryDates.TryParsePlain(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("2025-3-5", 2025, 3, 5)]
    [InlineData("2025-12-31", 2025, 12, 31)]
    public void The_iso_shapes_next_to_them_are_read(string text, int year, int month, int day)
    {
        // The same shapes written correctly: the refusals above are about the stray character, not the shape.
        Assert.True(DeliveryDates.TryParse(text, out var date));
        Assert.True(DeliveryDates.TryParsePlain(Encoding.UTF8.GetBytes(text), out var plain));
        Assert.Equal((new DateOnly(year, month, day), new DateOnly(year, month, day)), (date, plain));
    }
}
