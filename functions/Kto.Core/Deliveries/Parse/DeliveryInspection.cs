namespace Kto.Core.Deliveries;

/// <summary>
/// The outcome of the first pass over a delivery file: either a refusal of the whole file, or the
/// header mapping the second pass reads rows with, plus file-level warnings (ignored columns).
/// </summary>
public sealed record DeliveryInspection
{
    /// <summary>Non-null when the whole file is refused; then nothing of it may be stored.</summary>
    public DeliveryIssue? Refusal { get; init; }

    /// <summary>File-level warnings, e.g. <c>ignored-column</c> naming each column that is not stored.</summary>
    public IReadOnlyList<DeliveryIssue> Warnings { get; init; } = [];

    /// <summary>Number of data rows (header excluded, fully empty rows excluded).</summary>
    public int DataRows { get; init; }

    /// <summary>
    /// Some value, in any column (also one that is not stored), looked like a BSN: the raw file must not be kept,
    /// even when the file is accepted and only a row is rejected or a column ignored.
    /// </summary>
    public bool ContainsBsn { get; init; }

    /// <summary>A client export or an opdrachtgever list, decided by the columns.</summary>
    public DeliveryKind Kind { get; init; } = DeliveryKind.Clients;

    /// <summary>The parser's own state for the second pass (format, separator, encoding, column map).</summary>
    internal object? Layout { get; init; }

    /// <param name="rowsRead">The data rows counted before the refusal (a BSN column is refused after counting them).</param>
    public static DeliveryInspection Refused(string code, string message, string? column = null, int rowsRead = 0) =>
        new() { Refusal = new DeliveryIssue(null, column, code, message), DataRows = rowsRead };
}
