namespace Kto.Core.Backup;

/// <summary>The nightly snapshot in Azure (configuration section <c>Kto:Backup</c>).</summary>
public sealed class BackupSettings
{
    public const string Section = "Backup";

    /// <summary>
    /// The hour (UTC, 0–23) from which the night's snapshot is due; the timer (hourly) takes it in its first run at or
    /// after it. 4: after the retention clean-up at 03:00, so a snapshot holds nothing that night's purge removed.
    /// </summary>
    public int AtHourUtc { get; set; } = 4;

    /// <summary>
    /// Days a snapshot is kept. Older ones are deleted, except the first snapshot that holds a newly signed report,
    /// which is kept without its contact data (contacts, raw files, letters).
    /// </summary>
    public int RetentionDays { get; set; } = 35;

    /// <summary>The backup storage account's blob endpoint (Azure, read and written with the app's identity).</summary>
    public string BlobServiceUri { get; set; } = "";

    /// <summary>Or a connection string to it (Azurite, tests). Neither set: no nightly snapshot (the bureau overview says so).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The container in the backup account that holds the snapshots, one prefix each.</summary>
    public string Container { get; set; } = "snapshots";
}
