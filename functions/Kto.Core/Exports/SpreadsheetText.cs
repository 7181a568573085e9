namespace Kto.Core.Exports;

/// <summary>
/// The one rule that keeps exported text from running as a spreadsheet formula (CSV injection, OWASP): a quote is
/// put before a formula start (<c>= + - @</c>, tab, carriage return) at the start of the text and after every
/// separator inside it (<c>; ,</c>, tab, line breaks, spaces before the start included), because a spreadsheet that
/// splits a cell on such a separator would otherwise see a formula there. Every export (CSV, XLSX) goes through this.
/// </summary>
public static class SpreadsheetText
{
    private const char Neutraliser = '\'';

    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsSeparator(char c) => c is ';' or ',' or '\t' or '\n' or '\r' or '|';

    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        System.Text.StringBuilder? result = null;
        var atCellStart = true; // at the start of the text or after a separator, spaces skipped
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (atCellStart && IsFormulaStart(c))
            {
                result ??= new System.Text.StringBuilder(text, 0, i, text.Length + 8);
                result.Append(Neutraliser);
            }
            result?.Append(c);
            atCellStart = IsSeparator(c) || (atCellStart && c == ' ');
        }
        return result?.ToString() ?? text;
    }
}
