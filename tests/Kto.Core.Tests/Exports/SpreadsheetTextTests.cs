using System.Text;
using Kto.Core.Exports;

namespace Kto.Core.Tests.Exports;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31612345678", "'+31612345678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t'=1")]
    [InlineData("Dorpsstraat 1;=HYPERLINK(\"http://evil.example\")", "Dorpsstraat 1;'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("Utrecht, =cmd|' /C calc'!A0", "Utrecht, '=cmd|' /C calc'!A0")]
    [InlineData("regel een\n@SUM(1)", "regel een\n'@SUM(1)")]
    [InlineData("a|+b", "a|'+b")]
    public void A_formula_start_is_neutralised_at_the_start_and_after_every_separator(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));

    [Theory]
    [InlineData("Dorpsstraat 1")]
    [InlineData("Jansen-de Vries")]
    [InlineData("1234 AB")]
    [InlineData("e-mail: a@b.nl")]
    [InlineData("")]
    public void Ordinary_text_is_unchanged(string text) => Assert.Equal(text, SpreadsheetText.Neutralise(text));

    [Fact]
    public void Every_csv_cell_is_quoted_neutralised_and_reads_back_as_one_cell()
    {
        string?[] cells = ["P1", null, "Piet \"de Post\"", "Dorpsstraat 1;=HYPERLINK(\"x\")", "regel\r\n=2", "-3"];
        var csv = new StringBuilder();
        CsvLine.Append(csv, cells);

        Assert.Equal("\"P1\";\"\";\"Piet \"\"de Post\"\"\";\"Dorpsstraat 1;'=HYPERLINK(\"\"x\"\")\";\"regel\r\n'=2\";\"'-3\"\r\n", csv.ToString());

        var read = csv.ToString()[1..^3].Split("\";\"").Select(c => c.Replace("\"\"", "\"")).ToArray();
        Assert.Equal(cells.Select(SpreadsheetText.Neutralise), read);
        Assert.All(read, cell => Assert.False(cell!.Length > 0 && SpreadsheetText.IsFormulaStart(cell[0]), cell));
    }
}
