namespace Kto.Core.Deliveries;

/// <summary>Every code a receipt can carry (the receipt contract). One place for all of them.</summary>
public static class DeliveryCodes
{
    // Refusal of the whole file.
    public const string BsnColumn = "bsn-column";
    public const string UnsupportedFormat = "unsupported-format";
    public const string UnreadableFile = "unreadable-file";
    public const string MissingColumn = "missing-column";
    public const string EmptyFile = "empty-file";
    public const string FileTooLarge = "file-too-large";
    public const string TooManyRows = "too-many-rows";
    public const string TooManyColumns = "too-many-columns";

    // A rejected row.
    public const string MissingKlantnummer = "missing-klantnummer";
    public const string UnknownPerceel = "unknown-perceel";
    public const string MissingEinddatum = "missing-einddatum";
    public const string InvalidDate = "invalid-date";
    public const string EinddatumInFuture = "einddatum-in-future";
    public const string BsnValue = "bsn-value";

    // Warnings: the row is kept.
    public const string NoEmail = "no-email";
    public const string InvalidEmail = "invalid-email";
    public const string NoContactData = "no-contact-data";
    public const string IgnoredColumn = "ignored-column";

    // On a receipt with status "duplicate": the same content was delivered before under another name.
    public const string DuplicateFile = "duplicate-file";
}
