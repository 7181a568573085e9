using System.Globalization;
using System.Reflection;

namespace Kto.Core;

/// <summary>
/// Messages Core writes in Dutch with values in them (a receipt's row message, an item on the bureau's overview). Each
/// kind keeps its messages as constants in one class, <c>{0}</c>, <c>{1}</c> for the values; a page in another language
/// finds the constant a message was made from and translates it with the values kept (the portal's <c>t_message</c>).
/// </summary>
public static class WrittenMessages
{
    /// <summary>The message with its values in (numbers as digits, without grouping).</summary>
    public static string Format(string message, params object[] values) => string.Format(CultureInfo.InvariantCulture, message, values);

    /// <summary>Every message a class holds (its public static strings), for the check that each one has its translations.</summary>
    public static IReadOnlyList<string> Of(Type holder) =>
        [.. holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!)];
}
