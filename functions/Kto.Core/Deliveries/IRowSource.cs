namespace Kto.Core.Deliveries;

/// <summary>Reads the rows of one delivery file, one at a time, whatever its format.</summary>
internal interface IRowSource : IDisposable
{
    IEnumerable<SheetRow> Rows();
}
