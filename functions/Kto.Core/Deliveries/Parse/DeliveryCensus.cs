namespace Kto.Core.Deliveries;

/// <summary>
/// Counts kept during the first pass: data rows, and per column how many values are filled and how many are BSNs.
/// Stops counting (<see cref="IsFull"/>) past the row or column cap, so a hostile file costs no more than a large one.
/// </summary>
internal sealed class DeliveryCensus(int maxRows = int.MaxValue, int maxColumns = int.MaxValue)
{
    // Per column; arrays rather than lists, grown on demand: the census counts every cell of the file.
    private int[] _filled = new int[16];
    private int[] _bsns = new int[16];

    public int DataRows { get; private set; }

    /// <summary>More data rows than the cap: counting stopped.</summary>
    public bool TooManyRows => DataRows > maxRows;

    /// <summary>A value in a column past the cap: counting stopped.</summary>
    public bool TooManyColumns { get; private set; }

    public bool IsFull => TooManyRows || TooManyColumns;

    /// <summary>At least one value anywhere (any column, also ignored ones) looked like a BSN.</summary>
    public bool SawBsn { get; private set; }

    public IEnumerable<int> FilledColumns => Enumerable.Range(0, _filled.Length).Where(c => _filled[c] > 0);

    public void Count(SheetRow row)
    {
        DataRows++;
        for (var column = 0; column < row.Cells.Length && !TooManyColumns; column++)
        {
            var text = CellText.Of(row.Cells[column]);
            if (text is not null) CountCell(column, text);
        }
    }

    /// <summary>Counts one non-empty data row whose cells were counted one by one with <see cref="CountCell"/>.</summary>
    public void CountRow() => DataRows++;

    /// <summary>One filled cell, as <see cref="CellText.Of(object?)"/> gives it: trimmed, not empty.</summary>
    public void CountCell(int column, ReadOnlySpan<char> text) => CountFilledCell(column, Bsn.LooksLikeBsn(text));

    /// <summary>One filled cell whose text is already known to be a BSN or not.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void CountFilledCell(int column, bool isBsn)
    {
        if (column >= maxColumns)
        {
            TooManyColumns = true;
            return;
        }
        if (column >= _filled.Length) Grow(column);
        _filled[column]++;
        if (!isBsn) return;
        SawBsn = true;
        _bsns[column]++;
    }

    private void Grow(int column)
    {
        var length = Math.Max(column + 1, _filled.Length * 2);
        Array.Resize(ref _filled, length);
        Array.Resize(ref _bsns, length);
    }

    /// <summary>The first column where at least <paramref name="share"/> of the filled values are BSNs (and at least one is).</summary>
    public int? BsnColumn(double share, IReadOnlySet<int> excluded)
    {
        for (var column = 0; column < _filled.Length; column++)
        {
            if (excluded.Contains(column) || _bsns[column] == 0) continue;
            if (_bsns[column] >= share * _filled[column]) return column;
        }
        return null;
    }
}
