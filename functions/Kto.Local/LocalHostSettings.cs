namespace Kto.Local;

/// <summary>Settings of the local host only (section <c>Local</c>); production never reads these.</summary>
public sealed class LocalHostSettings
{
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool RunTimers { get; set; } = true;
}
