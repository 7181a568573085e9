using System.Text.Json.Serialization;

namespace Kto.Core.Deliveries;

/// <summary>A refusal, a rejected row or a warning, as the receipt shows it. Never carries a BSN value.</summary>
/// <param name="Row">Spreadsheet row (header = 1); null for a file-level issue.</param>
/// <param name="Column">The column as the company named it; null when not about one column.</param>
/// <param name="Code">One of <see cref="DeliveryCodes"/>.</param>
/// <param name="Message">Plain Dutch, for the company.</param>
/// <param name="Klantnummer">
/// On a rejected row or a row's warning: the row's klantnummer, so the company finds the client in its own system
/// (row numbers change with every export); null for a file-level issue, when the row has none, or when it looks like a
/// BSN itself (a receipt never repeats one).
/// </param>
public sealed record DeliveryIssue(
    int? Row,
    string? Column,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Klantnummer = null);
