using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// Reads a monthly delivery (.csv or .xlsx) per the delivery contract in two passes over a seekable stream:
/// <see cref="Inspect"/> decides whether the whole file is refused (format, headers, BSN column) before anything
/// is stored; <see cref="ReadRows"/> then streams validated rows one at a time.
/// </summary>
public sealed class DeliveryParser(DeliverySettings settings)
{
    // The header is looked for in the first rows only: exports sometimes start with a title line.
    private const int HeaderSearchRows = 20;

    public DeliverySettings Settings { get; } = settings;

    public DeliveryInspection Inspect(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek) throw new ArgumentException("The parser reads the file twice and needs a seekable stream.", nameof(content));

        if (content.Length == 0)
            return DeliveryInspection.Refused(DeliveryCodes.EmptyFile, DeliveryMessages.EmptyFile);
        if (content.Length > Settings.MaxFileBytes)
            return DeliveryInspection.Refused(DeliveryCodes.FileTooLarge, Settings.FileTooLargeMessage);

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return DeliveryInspection.Refused(DeliveryCodes.UnsupportedFormat,
                extension.Length == 0 ? DeliveryMessages.NoExtension : WrittenMessages.Format(DeliveryMessages.WrongExtension, extension));

        var sniffed = ContentSniffer.Sniff(content);
        if (sniffed.Refusal is { } refusal) return new DeliveryInspection { Refusal = refusal };

        try
        {
            return InspectReadable(content, sniffed);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Libraries throw many kinds of exceptions on damaged files; for the company they all mean the same.
            return DeliveryInspection.Refused(DeliveryCodes.UnreadableFile,
                DeliveryMessages.Damaged);
        }
    }

    public IEnumerable<DeliveryRow> ReadRows(Stream content, string fileName, DeliveryInspection inspection, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(inspection);
        if (inspection.Refusal is not null)
            throw new InvalidOperationException("A refused delivery has no rows to read.");
        if (inspection.Layout is not DeliveryLayout layout)
            throw new ArgumentException("The inspection does not come from this parser.", nameof(inspection));
        return Read(content, layout, today);
    }

    /// <summary>The rows of an opdrachtgever list (<see cref="DeliveryInspection.Kind"/> = opdrachtgevers).</summary>
    /// <param name="defaultYear">The year of a row without a <c>jaar</c> column: the delivery's year.</param>
    public IEnumerable<OpdrachtgeverRow> ReadOpdrachtgevers(Stream content, DeliveryInspection inspection, int defaultYear, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(inspection);
        if (inspection.Refusal is not null || inspection.Kind != DeliveryKind.Opdrachtgevers)
            throw new InvalidOperationException("Only an accepted opdrachtgever list has opdrachtgever rows.");
        if (inspection.Layout is not DeliveryLayout layout)
            throw new ArgumentException("The inspection does not come from this parser.", nameof(inspection));
        var validator = new OpdrachtgeverRowValidator(layout, Settings, defaultYear, today);
        using var source = layout.Open(content);
        foreach (var row in source.Rows())
        {
            if (row.Number <= layout.HeaderRow || row.IsEmpty) continue;
            OpdrachtgeverRow validated;
            try
            {
                validated = validator.Validate(row);
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
            {
                validated = new OpdrachtgeverRow(row.Number, null,
                    [new DeliveryIssue(row.Number, null, DeliveryCodes.UnreadableRow,
                        DeliveryMessages.UnreadableRow)], []);
            }
            yield return validated;
        }
    }

    private IEnumerable<DeliveryRow> Read(Stream content, DeliveryLayout layout, DateOnly today)
    {
        var validator = new DeliveryRowValidator(layout, Settings, today);
        using var source = layout.Open(content);
        // The dates are read by the validator only (never BSN-checked, never stored as text).
        var dates = layout.Columns.Where(c => c.Key is DeliveryField.Startdatum or DeliveryField.Einddatum).Select(c => c.Value).ToHashSet();
        foreach (var row in source.Rows(layout.Columns.Values.ToHashSet(), dates))
        {
            if (row.Number <= layout.HeaderRow || row.IsEmpty) continue;
            yield return ValidateOrReject(validator, row);
        }
    }

    /// <summary>
    /// A cell no rule foresaw must cost its row, not the file: an exception here would end the iteration (and the
    /// ingest) halfway. The message names no value: it could be anything, a BSN included.
    /// </summary>
    private static DeliveryRow ValidateOrReject(DeliveryRowValidator validator, SheetRow row)
    {
        try
        {
            return validator.Validate(row);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
        {
            return new DeliveryRow(row.Number, null,
                [new DeliveryIssue(row.Number, null, DeliveryCodes.UnreadableRow,
                    DeliveryMessages.UnreadableSheetRow)], []);
        }
    }

    private DeliveryInspection InspectReadable(Stream content, SniffResult sniffed)
    {
        var limits = new DeliveryLimits(Settings.MaxColumns + 1, Settings.MaxRowBytes, int.MaxValue);
        if (sniffed.Format == DeliveryFormat.Xlsx)
        {
            // Where the last value is, before the workbook reader walks a used range that may reach XFD1048576.
            var scan = XlsxSheetScan.Of(content);
            if (scan.LastFilledColumn > Settings.MaxColumns) return TooManyColumns();
            if (scan.LastFilledRow > Settings.MaxRows + HeaderSearchRows) return TooManyRows();
            limits = limits with { LastRow = scan.LastFilledRow };
        }
        var (separator, header) = sniffed.Format == DeliveryFormat.Xlsx
            ? ('\0', FindHeader(limits.Open(DeliveryFormat.Xlsx, content, null, '\0')).Header)
            : ChooseSeparator(content, sniffed, limits);
        if (header is not { } headerRow)
            return DeliveryInspection.Refused(DeliveryCodes.EmptyFile, DeliveryMessages.NoHeaderNoData);
        if (headerRow.ValuesBeyond || (headerRow.Cells.Length > Settings.MaxColumns && !CellText.IsEmpty(headerRow.Cells[Settings.MaxColumns])))
            return TooManyColumns();

        var headers = new List<string>();
        var matched = new List<(int Index, string Name, DeliveryField? Field)>();
        string? bsnHeader = null;
        for (var index = 0; index < headerRow.Cells.Length; index++)
        {
            var written = CellText.Of(headerRow.Cells[index]);
            var name = DeliveryText.ColumnName(written, index);
            headers.Add(name);
            if (written is null) continue;
            if (HeaderMap.IsBsnName(written))
            {
                // Refused below, once the rows are counted: the receipt says how many rows were read.
                bsnHeader ??= name;
                continue;
            }
            matched.Add((index, name, HeaderMap.TryMatch(written, out var field) ? field : null));
        }

        // The columns decide the kind of list: a client export, or the opdrachtgevers of the year (Blik op Werk).
        var kind = HeaderMap.KindOf([.. matched.Where(m => m.Field is not null).Select(m => m.Field!.Value)]);
        var columns = new Dictionary<DeliveryField, int>();
        var warnings = new List<DeliveryIssue>();
        foreach (var (index, name, field) in matched)
        {
            if (field is null || !HeaderMap.Belongs(kind, field.Value))
                warnings.Add(new DeliveryIssue(null, name, DeliveryCodes.IgnoredColumn,
                    DeliveryMessages.ColumnNotInContract));
            else if (columns.ContainsKey(field.Value))
                warnings.Add(new DeliveryIssue(null, name, DeliveryCodes.IgnoredColumn,
                    DeliveryMessages.ColumnTwice));
            else
                columns[field.Value] = index;
        }

        var required = kind == DeliveryKind.Opdrachtgevers ? HeaderMap.OpdrachtgeverRequired : HeaderMap.Required;
        var missing = required.Where(field => !columns.ContainsKey(field)).Select(HeaderMap.ContractName).ToList();
        if (bsnHeader is not null)
        {
            var counted = TakeCensus(content, new DeliveryLayout(sniffed.Format, sniffed.Encoding, separator, headerRow.Number, headers, columns, limits));
            return DeliveryInspection.Refused(DeliveryCodes.BsnColumn, BsnColumnMessage(bsnHeader), bsnHeader,
                counted.TooManyRows || counted.TooManyColumns ? 0 : counted.DataRows);
        }
        if (missing.Count > 0)
            return DeliveryInspection.Refused(DeliveryCodes.MissingColumn,
                missing.Count == 1
                    ? WrittenMessages.Format(DeliveryMessages.MissingColumn, missing[0])
                    : WrittenMessages.Format(DeliveryMessages.MissingColumns, string.Join(", ", missing.Select(m => $"\"{m}\""))),
                missing[0]);

        var layout = new DeliveryLayout(sniffed.Format, sniffed.Encoding, separator, headerRow.Number, headers, columns, limits);
        var census = TakeCensus(content, layout);
        if (census.TooManyRows) return TooManyRows();
        if (census.TooManyColumns) return TooManyColumns();
        if (census.DataRows == 0)
            return DeliveryInspection.Refused(DeliveryCodes.EmptyFile,
                DeliveryMessages.OnlyHeader);

        if (census.BsnColumn(Settings.BsnColumnShare, ExcludedFromBsnCheck(columns)) is { } bsnColumn)
        {
            var name = bsnColumn < headers.Count ? headers[bsnColumn] : DeliveryText.ColumnName(null, bsnColumn);
            return DeliveryInspection.Refused(DeliveryCodes.BsnColumn, BsnColumnMessage(name), name, census.DataRows);
        }

        // Columns without a name are only worth a warning when something is in them.
        foreach (var column in census.FilledColumns.Where(c => c >= headers.Count || CellText.IsEmpty(headerRow.Cell(c))))
        {
            var name = DeliveryText.ColumnName(null, column);
            warnings.Add(new DeliveryIssue(null, name, DeliveryCodes.IgnoredColumn,
                DeliveryMessages.ColumnWithoutName));
        }

        return new DeliveryInspection { DataRows = census.DataRows, Warnings = warnings, Layout = layout, ContainsBsn = census.SawBsn, Kind = kind };
    }

    private DeliveryInspection TooManyRows() => DeliveryInspection.Refused(DeliveryCodes.TooManyRows,
        WrittenMessages.Format(DeliveryMessages.TooManyRows, Settings.MaxRows));

    private DeliveryInspection TooManyColumns() => DeliveryInspection.Refused(DeliveryCodes.TooManyColumns,
        WrittenMessages.Format(DeliveryMessages.TooManyColumns, Settings.MaxColumns));

    private static HashSet<int> ExcludedFromBsnCheck(Dictionary<DeliveryField, int> columns) =>
        [.. columns.Where(c => BsnExemptFields.Contains(c.Key)).Select(c => c.Value)];

    private DeliveryCensus TakeCensus(Stream content, DeliveryLayout layout)
    {
        var census = new DeliveryCensus(Settings.MaxRows, Settings.MaxColumns);
        using var source = layout.Open(content);
        source.CountRows(census, layout.HeaderRow);
        return census;
    }

    /// <summary>Tries each separator on the first rows and keeps the one whose header row names the most contract columns.</summary>
    private static (char Separator, SheetRow? Header) ChooseSeparator(Stream content, SniffResult sniffed, DeliveryLimits limits)
    {
        (char Separator, SheetRow? Header, int Score, int Filled) best = (CsvSource.Separators[0], null, -1, -1);
        foreach (var separator in CsvSource.Separators)
        {
            using var source = limits.Open(DeliveryFormat.Csv, content, sniffed.Encoding, separator);
            var (header, score) = FindHeader(source);
            var filled = header?.Cells.Count(cell => !CellText.IsEmpty(cell)) ?? 0;
            if (score > best.Score || (score == best.Score && filled > best.Filled))
                best = (separator, header, score, filled);
        }
        return (best.Separator, best.Header);
    }

    /// <summary>
    /// The header is the row among the first ones naming the most contract (or BSN) columns; when none names any,
    /// the first non-empty row, so the refusal can say which columns are missing.
    /// </summary>
    private static (SheetRow? Header, int Score) FindHeader(IRowSource source)
    {
        using (source)
        {
            SheetRow? best = null;
            var bestScore = 0;
            foreach (var row in source.Rows().Take(HeaderSearchRows))
            {
                // A header names something: a row of only separators or punctuation read with the wrong separator is none.
                if (!row.Cells.Any(cell => CellText.Of(cell)?.Any(char.IsLetterOrDigit) == true)) continue;
                var score = row.Cells.Select(cell => CellText.Of(cell)).Count(name => HeaderMap.TryMatch(name, out _) || HeaderMap.IsBsnName(name));
                if (best is null || score > bestScore)
                {
                    best = row;
                    bestScore = score;
                }
            }
            return (best, bestScore);
        }
    }

    /// <summary>The refusal names the column; that nothing was kept is said once, by the receipt around it.</summary>
    private static string BsnColumnMessage(string column) =>
        WrittenMessages.Format(DeliveryMessages.BsnColumn, column);
}
