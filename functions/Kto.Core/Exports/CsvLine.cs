using System.Text;

namespace Kto.Core.Exports;

/// <summary>
/// One CSV line with semicolons (what Dutch Excel expects) and CRLF: every cell quoted (a quote inside doubled)
/// and neutralised by <see cref="SpreadsheetText"/>, so no value can end a cell, start a line or run as a formula.
/// </summary>
public static class CsvLine
{
    public const char Separator = ';';

    public static void Append(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) csv.Append(Separator);
            csv.Append('"').Append(SpreadsheetText.Neutralise(cells[i]).Replace("\"", "\"\"")).Append('"');
        }
        csv.Append("\r\n");
    }
}
