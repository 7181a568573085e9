using System.Text;
using CsvHelper;

namespace Kto.Core.Deliveries;

/// <summary>
/// Reads a CSV file record by record (quoted fields may hold separators and line breaks). Blank lines are
/// kept as empty rows so row numbers match what a spreadsheet program shows.
/// </summary>
internal sealed class CsvSource : IRowSource
{
    public static readonly char[] Separators = [';', ',', '\t'];

    private readonly CsvReader _reader;

    /// <param name="encoding">Null for UTF-8 (a byte order mark is honoured either way).</param>
    public CsvSource(Stream content, Encoding? encoding, char separator)
    {
        content.Position = 0;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = false,
            Mode = CsvMode.Rfc4180,
            Encoding = encoding is UTF8Encoding ? null : encoding,
            // Field values may be personal data: keep them out of exception messages and logs.
            IncludeValuesInExceptions = false,
        };
        _reader = CsvReader.Create(content, options, leaveOpen: true);
    }

    public IEnumerable<SheetRow> Rows()
    {
        var number = 0;
        while (_reader.Read())
        {
            number++;
            var cells = new object?[_reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = _reader.GetString(i);
            yield return new SheetRow(number, cells);
        }
    }

    public void Dispose() => _reader.Dispose();
}
