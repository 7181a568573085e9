namespace Kto.Core.Deliveries;

/// <summary>One row as read from a file: its spreadsheet row number (first row = 1) and its raw cells.</summary>
internal readonly record struct SheetRow(int Number, object?[] Cells)
{
    public bool IsEmpty => Cells.All(CellText.IsEmpty);

    public object? Cell(int column) => column < Cells.Length ? Cells[column] : null;
}
