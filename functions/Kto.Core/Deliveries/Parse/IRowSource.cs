namespace Kto.Core.Deliveries;

/// <summary>Reads the rows of one delivery file, one at a time, whatever its format.</summary>
internal interface IRowSource : IDisposable
{
    IEnumerable<SheetRow> Rows();

    /// <summary>
    /// The second pass: rows whose cells in the <paramref name="read"/> columns are read as <see cref="Rows()"/> reads
    /// them; any other cell only needs to say whether it is empty (the validator reads no other). A row may reuse the
    /// previous row's cells: use each before moving on. A cell of a <paramref name="dates"/> column may come as a
    /// <see cref="DateOnly"/> when its text is plainly that date (<see cref="DeliveryDates.TryParse"/> reads both alike).
    /// </summary>
    IEnumerable<SheetRow> Rows(IReadOnlySet<int> read, IReadOnlySet<int> dates) => Rows();

    /// <summary>The first pass: counts every non-empty row after the header row into the census.</summary>
    void CountRows(DeliveryCensus census, int headerRow)
    {
        foreach (var row in Rows())
        {
            if (census.IsFull) return;
            if (row.Number > headerRow && !row.IsEmpty) census.Count(row);
        }
    }
}
