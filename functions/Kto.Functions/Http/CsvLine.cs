using System.Text;

namespace Kto.Functions.Http;

/// <summary>
/// One CSV line with semicolons (what Dutch Excel expects). Cells starting with = + - @ are prefixed with a quote
/// so a spreadsheet never runs them as formulas (CSV injection).
/// </summary>
public static class CsvLine
{
    public static void Append(StringBuilder csv, params string?[] cells)
    {
        csv.AppendJoin(';', cells.Select(Cell));
        csv.Append("\r\n");
    }

    private static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
