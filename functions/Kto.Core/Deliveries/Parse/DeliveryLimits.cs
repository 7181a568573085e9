using System.Text;

namespace Kto.Core.Deliveries;

/// <summary>
/// How far a file is read: cells per row (one past the column cap, so a value there is seen), the longest CSV
/// line, and for a workbook its last row with a value. Every pass opens its rows through here.
/// </summary>
internal sealed record DeliveryLimits(int ReadColumns, int MaxRowBytes, int LastRow)
{
    public IRowSource Open(DeliveryFormat format, Stream content, Encoding? encoding, char separator) => format switch
    {
        DeliveryFormat.Xlsx => new XlsxSource(content, ReadColumns, LastRow),
        _ => new CsvSource(content, encoding, separator, ReadColumns, MaxRowBytes),
    };
}
