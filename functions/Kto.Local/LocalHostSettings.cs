namespace Kto.Local;

/// <summary>Settings of the local host only (section <c>Local</c>); production never reads these.</summary>
public sealed class LocalHostSettings
{
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Blobs run at once by the watcher (each lane, e.g. a company, runs one at a time).</summary>
    public int MaxParallelBlobs { get; set; } = 4;

    public bool RunTimers { get; set; } = true;
}
