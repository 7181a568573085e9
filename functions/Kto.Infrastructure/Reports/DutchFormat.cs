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

    public static string YesNo(bool? value, string unknown = "–") => value switch { true => "ja", false => "nee", null => unknown };
}
