namespace Kto.Core;

/// <summary>
/// A number with its noun in Dutch, singular for one: "1 klant", "3 klanten". The one place the report, the letters'
/// audit line and the exemption letter choose the form, so no document says "1 klanten".
/// </summary>
public static class DutchCount
{
    public static string Of(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
