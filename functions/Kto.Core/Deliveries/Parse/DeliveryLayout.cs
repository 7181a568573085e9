using System.Text;

namespace Kto.Core.Deliveries;

/// <summary>What the first pass learned about a file, so the second pass reads it the same way.</summary>
internal sealed record DeliveryLayout(
    DeliveryFormat Format,
    Encoding? Encoding,
    char Separator,
    int HeaderRow,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<DeliveryField, int> Columns,
    DeliveryLimits Limits)
{
    public IRowSource Open(Stream content) => Limits.Open(Format, content, Encoding, Separator);

    public string HeaderOf(DeliveryField field) => Headers[Columns[field]];
}
