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

    static XlsxSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public XlsxSource(Stream content)
    {
        content.Position = 0;
        _reader = ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
    }

    public IEnumerable<SheetRow> Rows()
    {
        while (_reader.Read())
        {
            var cells = new object?[_reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = _reader.GetValue(i);
            // Depth is the zero-based row index in the sheet, blank rows included.
            yield return new SheetRow(_reader.Depth + 1, cells);
        }
    }

    public void Dispose() => _reader.Dispose();
}
