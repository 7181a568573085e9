namespace Kto.Core.Deliveries;

/// <summary>Column names as a receipt shows them: never a BSN. Cell values are never put in a receipt at all.</summary>
internal static class DeliveryText
{
    private const int MaxQuotedLength = 50;

    /// <summary>A column name safe for a receipt: as written, or its position when the name itself could be a BSN.</summary>
    public static string ColumnName(string? header, int index)
    {
        if (string.IsNullOrWhiteSpace(header) || Bsn.MayContainBsn(header)) return $"kolom {index + 1}";
        var name = header.Trim();
        return name.Length > MaxQuotedLength ? name[..MaxQuotedLength] + "…" : name;
    }
}
