namespace Kto.Core.Deliveries;

/// <summary>A refusal, a rejected row or a warning, as the receipt shows it. Never carries a BSN value.</summary>
/// <param name="Row">Spreadsheet row (header = 1); null for a file-level issue.</param>
/// <param name="Column">The column as the company named it; null when not about one column.</param>
/// <param name="Code">One of <see cref="DeliveryCodes"/>.</param>
/// <param name="Message">Plain Dutch, for the company.</param>
public sealed record DeliveryIssue(int? Row, string? Column, string Code, string Message);
