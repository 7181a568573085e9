namespace Kto.Core.Deliveries;

/// <summary>A data row after validation, of either kind of list: what the receipt counts of it.</summary>
public interface IValidatedRow
{
    /// <summary>Spreadsheet row number (header = 1).</summary>
    int Row { get; }

    /// <summary>Why the row was rejected (empty when accepted).</summary>
    IReadOnlyList<DeliveryIssue> Rejections { get; }

    /// <summary>Warnings for a kept row.</summary>
    IReadOnlyList<DeliveryIssue> Warnings { get; }
}
