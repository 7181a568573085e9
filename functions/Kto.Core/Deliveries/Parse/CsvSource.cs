using System.Buffers;
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
    private readonly int _readColumns;

    /// <param name="encoding">Null for UTF-8 (a byte order mark is honoured either way).</param>
    /// <param name="readColumns">Cells read per row: the census has made sure nothing further right has a value.</param>
    /// <param name="maxRowBytes">The longest line buffered (an unclosed quote would otherwise buffer the whole file).</param>
    public CsvSource(Stream content, Encoding? encoding, char separator, int readColumns = int.MaxValue, int? maxRowBytes = null)
    {
        _readColumns = readColumns;
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
            MaxRecordSize = maxRowBytes,
            // Perceel, opdrachtgever, woonplaats, reden: the same few values in every row, one string each instead of
            // one per row (columns of ids and addresses switch pooling off by themselves).
            PoolStrings = true,
        };
        _reader = CsvReader.Create(content, options, leaveOpen: true);
    }

    public IEnumerable<SheetRow> Rows()
    {
        var number = 0;
        while (_reader.Read())
        {
            number++;
            var cells = new object?[Math.Min(_reader.FieldCount, _readColumns)];
            for (var i = 0; i < cells.Length; i++) cells[i] = _reader.GetString(i);
            yield return new SheetRow(number, cells, ValuesBeyond(cells.Length));
        }
    }

    /// <summary>
    /// No string for a cell the validator never reads (a column the contract does not name): filled or not is told by
    /// its bytes, and one array of cells serves every row. No string either for a date written plainly
    /// (<see cref="DeliveryDates.TryParsePlain"/>): the cell is that date, one boxed value per day of the file.
    /// </summary>
    public IEnumerable<SheetRow> Rows(IReadOnlySet<int> read, IReadOnlySet<int> dates)
    {
        var number = 0;
        object?[] cells = [];
        var width = Math.Max(read.Count == 0 ? 0 : read.Max() + 1, dates.Count == 0 ? 0 : dates.Max() + 1);
        var wanted = new CellKind[width];
        foreach (var column in read) wanted[column] = CellKind.Text;
        foreach (var column in dates) wanted[column] = CellKind.Date;
        var days = new object?[BoxedDays];
        while (_reader.Read())
        {
            number++;
            var count = Math.Min(_reader.FieldCount, _readColumns);
            if (cells.Length != count) cells = new object?[count];
            for (var i = 0; i < count; i++)
            {
                cells[i] = (i < wanted.Length ? wanted[i] : CellKind.Unread) switch
                {
                    CellKind.Text => _reader.GetString(i),
                    CellKind.Date => DateOrText(i, days),
                    _ => IsBlank(_reader.GetSpan(i)) ? null : FilledCell,
                };
            }
            yield return new SheetRow(number, cells);
        }
    }

    private enum CellKind : byte { Unread, Text, Date }

    private object? DateOrText(int column, object?[] days)
    {
        if (!DeliveryDates.TryParsePlain(_reader.GetSpan(column), out var date)) return _reader.GetString(column);
        // A file holds a few hundred distinct days: each boxed once, in a slot of its own (11 years of days have one
        // each). A fixed number of slots, looked up by index rather than hashed, and a file cannot grow them.
        ref var slot = ref days[date.DayNumber % BoxedDays];
        if (slot is DateOnly boxed && boxed == date) return slot;
        return slot = date;
    }

    private const int BoxedDays = 4096;

    /// <summary>Stands for a filled cell that is not read: not empty, and never read as text.</summary>
    private static readonly object FilledCell = new();

    /// <summary>As <see cref="CellText.IsEmpty"/> on the field's string, decoding it only when it holds nothing but white space or non-ASCII bytes.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOfAnyExcept(BlankOrNonAsciiBytes) >= 0) return false;
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0) return true;
        return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(bytes));
    }

    // ASCII white space (with the separators U+001C–U+001F, in case) and every non-ASCII byte (a Unicode space, or not).
    private static readonly SearchValues<byte> BlankOrNonAsciiBytes =
        SearchValues.Create([.. " \t\n\v\f\r\u001C\u001D\u001E\u001F"u8, .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    /// <summary>Whether any field from <paramref name="first"/> on holds more than white space (read as bytes, no strings).</summary>
    private bool ValuesBeyond(int first)
    {
        for (var column = first; column < _reader.FieldCount; column++)
            if (_reader.GetSpan(column).IndexOfAnyExcept(" \t\r\n"u8) >= 0) return true;
        return false;
    }

    /// <summary>
    /// The census without a string per cell: it only asks whether a cell is filled and whether it is a BSN, so
    /// each field is decoded into one reused buffer. Same answers as counting <see cref="Rows"/>, in a quarter of the time.
    /// </summary>
    public void CountRows(DeliveryCensus census, int headerRow)
    {
        var number = 0;
        var buffer = new char[CensusBufferChars];
        while (!census.IsFull && _reader.Read())
        {
            if (++number <= headerRow) continue;
            CountRecord(census, buffer);
        }
    }

    /// <summary>
    /// One record of the census. A method of its own: it is called for every row, so the JIT optimises it within the
    /// first file, whereas a loop body inside <see cref="CountRows"/> (called once per file) starts unoptimised and is
    /// only replaced part-way (on-stack replacement). Measured in a fresh process, the first files' first pass cost
    /// 48–70 ms of CPU that way against about 15 once warm; with this method 19–38.
    /// </summary>
    private void CountRecord(DeliveryCensus census, char[] buffer)
    {
        var filled = false;
        var fields = _reader.FieldCount;
        // Only a column past the cap can fill the census within a row (rows are counted after it).
        for (var column = 0; column < fields && !census.TooManyColumns; column++)
        {
            var bytes = _reader.GetSpan(column);
            // An empty field (an empty column between two separators): nothing to decode.
            if (bytes.IsEmpty) continue;
            // Most cells hold a character that is neither white space nor possible in a BSN (a letter, "-", "@"),
            // or are a phone number, a date or an amount (digits in a count or in runs no BSN has): such a cell is
            // filled and no BSN, known from its bytes without decoding it. For most the first byte tells.
            if (NeverBsnOrBlank[bytes[0]] || FilledAndNoBsn(bytes))
            {
                filled = true;
                census.CountFilledCell(column, isBsn: false);
                continue;
            }
            // A field longer than the buffer is rare (and never a BSN): decode it the ordinary way.
            var text = bytes.Length <= buffer.Length
                ? buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer)).Trim()
                : Encoding.UTF8.GetString(bytes).AsSpan().Trim();
            if (text.IsEmpty) continue;
            filled = true;
            census.CountCell(column, text);
        }
        if (filled) census.CountRow();
    }

    // Digits, the separators a written BSN may hold, Excel's text wrappers (="…", '…), ASCII white space, and every
    // non-ASCII byte (it may be a Unicode space or hyphen): a cell of only these is decoded and checked exactly
    // (Bsn.LooksLikeBsn says which forms count).
    private static readonly SearchValues<byte> BsnOrBlankBytes =
        SearchValues.Create([.. "0123456789 .-=\"'\t\n\v\f\r\u001C\u001D\u001E\u001F"u8, .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    /// <summary>
    /// True when the cell's bytes show it is filled and no BSN without decoding it: a byte outside
    /// <see cref="BsnOrBlankBytes"/> anywhere (a letter, "@", "/"; for most cells the first byte), or digits that rule a
    /// BSN out as <see cref="Bsn.LooksLikeBsn(ReadOnlySpan{char})"/> does on the decoded text (not eight or nine, or
    /// eight in runs no written BSN has). It counts ASCII digits only, and UTF-8 never uses an ASCII byte inside another
    /// character, so the bytes hold the text's digits in the same runs. False means "decode and ask" (a cell without a
    /// digit may be only white space). One pass with a table: a search call costs more than these cells are long.
    /// </summary>
    private static bool FilledAndNoBsn(ReadOnlySpan<byte> bytes)
    {
        int digits = 0, run = 0, longestRun = 0;
        foreach (var b in bytes)
        {
            if ((uint)(b - '0') <= 9)
            {
                digits++;
                longestRun = Math.Max(longestRun, ++run);
                continue;
            }
            run = 0;
            if (NeverBsnOrBlank[b]) return true;
        }
        return digits > 0 && !Bsn.DigitCountMayBeBsn(digits, longestRun);
    }

    private static readonly bool[] NeverBsnOrBlank = [.. Enumerable.Range(0, 256).Select(b => !BsnOrBlankBytes.Contains((byte)b))];

    // UTF-8 never has fewer bytes than chars, so a field of up to this many bytes always fits.
    private const int CensusBufferChars = 256;

    public void Dispose() => _reader.Dispose();
}
