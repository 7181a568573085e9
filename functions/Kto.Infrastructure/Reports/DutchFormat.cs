using System.Globalization;
using Kto.Core;

namespace Kto.Infrastructure.Reports;

/// <summary>Numbers and dates as a Dutch reader expects them in the report: 7,5; 66,7%; 1 maart 2027.</summary>
public static class DutchFormat
{
    public static CultureInfo Culture => DutchTime.Culture;

    public static string Number(double value, int decimals = 1) => value.ToString("F" + decimals, Culture);

    public static string Number(double? value, int decimals = 1) => value is { } v ? Number(v, decimals) : "–";

    public static string Percent(double? fraction) => fraction is { } f ? Number(f * 100, 1) + "%" : "–";

    public static string Date(DateTimeOffset moment) => DutchTime.Format(moment);

    public static string DateTime(DateTimeOffset moment) => DutchTime.ToDutch(moment).ToString(DutchTime.DateFormat + ", HH:mm", Culture);

    /// <summary>A change with its sign: "+0,3", "−0,5" (a real minus), "0,0".</summary>
    public static string Change(double? value, int decimals = 1) => value switch
    {
        null => "–",
        { } v when Math.Round(v, decimals) > 0 => "+" + Number(v, decimals),
        { } v when Math.Round(v, decimals) < 0 => "−" + Number(-v, decimals),
        _ => Number(0.0, decimals),
    };

    /// <summary>A change of a fraction in percentage points: "+11,7 procentpunt".</summary>
    public static string PointsChange(double? fraction) => fraction is { } f ? Change(f * 100) + " procentpunt" : "–";

    public static string YesNo(bool? value, string unknown = "–") => value switch { true => "ja", false => "nee", null => unknown };
}
