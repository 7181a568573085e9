namespace Kto.Core.Deliveries;

/// <summary>One data row after validation: a service when accepted, otherwise the reasons it was rejected.</summary>
/// <param name="Row">Spreadsheet row number (header = 1).</param>
/// <param name="Service">The ended service when the row is accepted; null when rejected.</param>
/// <param name="Rejections">Why the row was rejected (empty when accepted).</param>
/// <param name="Warnings">Warnings for a kept row (no-email, invalid-email, no-contact-data).</param>
public sealed record DeliveryRow(
    int Row,
    EndedService? Service,
    IReadOnlyList<DeliveryIssue> Rejections,
    IReadOnlyList<DeliveryIssue> Warnings) : IValidatedRow;
