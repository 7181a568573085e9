using System.Globalization;

namespace Kto.Infrastructure.Reports;

/// <summary>Numbers and dates as a Dutch reader expects them in the report: 7,5; 66,7%; 1 maart 2027.</summary>
public static class DutchFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    public static string Number(double value, int decimals = 1) => value.ToString("F" + decimals, Culture);

    public static string Number(double? value, int decimals = 1) => value is { } v ? Number(v, decimals) : "–";

    public static string Percent(double? fraction) => fraction is { } f ? Number(f * 100, 1) + "%" : "–";

    public static string Date(DateTimeOffset moment) => Kto.Core.DutchTime.ToDutch(moment).ToString("d MMMM yyyy", Culture);

    public static string DateTime(DateTimeOffset moment) => Kto.Core.DutchTime.ToDutch(moment).ToString("d MMMM yyyy, HH:mm", Culture);

    public static string YesNo(bool? value, string unknown = "–") => value switch { true => "ja", false => "nee", null => unknown };
}
