namespace Kto.Core.Deliveries;

/// <summary>
/// One row as read from a file: its spreadsheet row number (first row = 1) and its raw cells, and whether a value
/// lies past the cells read (a source reads only as many columns as the cap allows).
/// </summary>
internal readonly record struct SheetRow(int Number, object?[] Cells, bool ValuesBeyond = false)
{
    public bool IsEmpty
    {
        get
        {
            // A loop rather than Cells.All: asked for every row of the file.
            foreach (var cell in Cells)
                if (!CellText.IsEmpty(cell)) return false;
            return true;
        }
    }

    public object? Cell(int column) => column < Cells.Length ? Cells[column] : null;
}
