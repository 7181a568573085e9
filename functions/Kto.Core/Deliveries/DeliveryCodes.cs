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
    /// <summary>Storing the file failed on our side, every attempt; the company may deliver it again (nothing is counted twice).</summary>
    public const string IngestFailed = "ingest-failed";
    public const string TooManyRows = "too-many-rows";
    public const string TooManyColumns = "too-many-columns";

    // A rejected row.
    public const string MissingKlantnummer = "missing-klantnummer";
    public const string UnknownPerceel = "unknown-perceel";
    public const string MissingEinddatum = "missing-einddatum";
    public const string InvalidDate = "invalid-date";
    public const string EinddatumInFuture = "einddatum-in-future";
    /// <summary>The end date lies before the previous measurement year: its fieldwork is over and its retention near or past.</summary>
    public const string EinddatumTooOld = "einddatum-too-old";
    /// <summary>A row the parser could not read at all (an unexpected cell); the rest of the file is read.</summary>
    public const string UnreadableRow = "unreadable-row";
    public const string BsnValue = "bsn-value";

    // A rejected row of an opdrachtgever list (Blik op Werk).
    public const string MissingOrganisatie = "missing-organisatie";
    public const string InvalidAantalTrajecten = "invalid-aantal-trajecten";
    public const string InvalidJaar = "invalid-jaar";
    /// <summary>An organisation or contact name with a control character or a bidi override (<see cref="NameText"/>).</summary>
    public const string InvalidName = "invalid-name";

    // Warnings: the row is kept.
    public const string NoEmail = "no-email";
    public const string InvalidEmail = "invalid-email";
    public const string NoContactData = "no-contact-data";
    public const string IgnoredColumn = "ignored-column";
    /// <summary>A row counted as "dubbel": the same service (or opdrachtgever) earlier in this file.</summary>
    public const string DuplicateRow = "duplicate-row";
    /// <summary>A row counted as "dubbel": the same service (or opdrachtgever) came in an earlier delivery.</summary>
    public const string DeliveredBefore = "delivered-before";

    // On a receipt with status "duplicate": the same content was delivered before under another name.
    public const string DuplicateFile = "duplicate-file";
}
