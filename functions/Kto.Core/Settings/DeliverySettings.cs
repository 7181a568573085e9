namespace Kto.Core.Settings;

/// <summary>Limits for monthly delivery files (configuration section <c>Kto:Delivery</c>).</summary>
public sealed class DeliverySettings
{
    public const string Section = "Delivery";

    /// <summary>Largest accepted file; larger files are refused with <c>file-too-large</c>.</summary>
    public long MaxFileBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The <c>file-too-large</c> refusal's text, for a file the parser reads and for an upload cut off at the limit.</summary>
    public string FileTooLargeMessage => WrittenMessages.Format(Deliveries.DeliveryMessages.FileTooLarge, MaxFileBytes / (1024 * 1024));

    /// <summary>Longest accepted cell; longer values are cut to this length (a warning is not needed: no contract field is this long).</summary>
    public int MaxCellLength { get; set; } = 1000;

    /// <summary>Most data rows in one delivery; more: <c>too-many-rows</c>, found before any row is validated or stored.</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Most columns with a value in one delivery; a value further right: <c>too-many-columns</c>.</summary>
    public int MaxColumns { get; set; } = 200;

    /// <summary>Longest CSV line (bytes) the reader buffers; a longer one (e.g. an unclosed quote) makes the file <c>unreadable-file</c>.</summary>
    public int MaxRowBytes { get; set; } = 1024 * 1024;

    /// <summary>A receipt lists at most this many rejections or warnings of each code; <c>counts</c> has every total.</summary>
    public int MaxIssuesPerCode { get; set; } = 100;

    /// <summary>
    /// A delivery still in processing this long after its run started gets an <c>ingest-failed</c> receipt (its run
    /// died). Longer than the host's function timeout (10 minutes), so a run still going is never cut off.
    /// </summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Days a raw delivery file is kept after upload (then deleted; the services and receipt stay).</summary>
    public int RawFileRetentionDays { get; set; } = 30;

    /// <summary>A column is treated as a BSN column when at least this share of its non-empty values are 11-proef-valid 9-digit numbers.</summary>
    public double BsnColumnShare { get; set; } = 0.5;
}
