namespace Kto.Core.Deliveries;

/// <summary>Helpers for putting company text into receipt messages without ever repeating a BSN.</summary>
internal static class DeliveryText
{
    private const int MaxQuotedLength = 50;

    /// <summary>" \"value\"" for use inside a message, or nothing when the value is empty or might hold a BSN.</summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || Bsn.MayContainBsn(value)) return "";
        var shown = value.Length > MaxQuotedLength ? value[..MaxQuotedLength] + "…" : value;
        return $" \"{shown}\"";
    }

    /// <summary>A column name safe for a receipt: as written, or its position when the name itself could be a BSN.</summary>
    public static string ColumnName(string? header, int index)
    {
        if (string.IsNullOrWhiteSpace(header) || Bsn.MayContainBsn(header)) return $"kolom {index + 1}";
        var name = header.Trim();
        return name.Length > MaxQuotedLength ? name[..MaxQuotedLength] + "…" : name;
    }
}
