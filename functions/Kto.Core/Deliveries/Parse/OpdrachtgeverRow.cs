using Kto.Core.Keurmerk;

namespace Kto.Core.Deliveries;

/// <summary>One data row of an opdrachtgever list after validation: the opdrachtgever when accepted, otherwise why not.</summary>
public sealed record OpdrachtgeverRow(
    int Row,
    Opdrachtgever? Opdrachtgever,
    IReadOnlyList<DeliveryIssue> Rejections,
    IReadOnlyList<DeliveryIssue> Warnings) : IValidatedRow;
