using System.Text;
using ExcelDataReader;

namespace Kto.Core.Deliveries;

/// <summary>
/// Reads the first sheet of an .xlsx workbook row by row. Cells keep their spreadsheet type (text, number,
/// date) so dates and numbers stored by the spreadsheet can be read exactly.
/// </summary>
internal sealed class XlsxSource : IRowSource
{
    private readonly IExcelDataReader _reader;
    private readonly int _readColumns;
    private readonly int _lastRow;

    static XlsxSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="readColumns">Cells read per row, however wide the sheet's used range says it is.</param>
    /// <param name="lastRow">The last row with a value (<see cref="XlsxSheetScan"/>): empty rows after it are not walked.</param>
    public XlsxSource(Stream content, int readColumns = int.MaxValue, int lastRow = int.MaxValue)
    {
        _readColumns = readColumns;
        _lastRow = lastRow;
        content.Position = 0;
        _reader = ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
    }

    public IEnumerable<SheetRow> Rows()
    {
        var number = 0;
        while (number < _lastRow && _reader.Read())
        {
            var cells = new object?[Math.Min(_reader.FieldCount, _readColumns)];
            for (var i = 0; i < cells.Length; i++) cells[i] = _reader.GetValue(i);
            // Depth is the zero-based row index in the sheet, blank rows included.
            number = _reader.Depth + 1;
            yield return new SheetRow(number, cells);
        }
    }

    public void Dispose() => _reader.Dispose();
}
