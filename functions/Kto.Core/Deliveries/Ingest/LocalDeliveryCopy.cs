namespace Kto.Core.Deliveries;

/// <summary>
/// The ingest's local copy of a delivered file, which lets the parser read it twice without holding it in memory: in
/// a folder of its own under the temp folder, deleted when closed. A host killed during an ingest never closes it, and
/// the copy holds personal data (and, in a file refused for it, a BSN), so every new copy first deletes the copies
/// older than <see cref="MaxAge"/>, longer than any ingest may run (host.json's functionTimeout is 10 minutes).
/// </summary>
public static class LocalDeliveryCopy
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>Where the host keeps its copies: a folder of its own, so the sweep never touches another program's files.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "kto-deliveries");

    /// <summary>A new, empty copy in <paramref name="folder"/> (made if missing), after the stale ones there are deleted.</summary>
    public static FileStream Create(string? folder = null)
    {
        folder ??= DefaultFolder;
        Directory.CreateDirectory(folder);
        DeleteStale(folder);
        return new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose);
    }

    /// <returns>How many stale copies were deleted.</returns>
    public static int DeleteStale(string folder)
    {
        // The file system's clock, not the service's TimeProvider: a file's age is measured against its own write time.
        var before = DateTime.UtcNow - MaxAge;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp"))
        {
            try
            {
                // Stryker disable once Equality : a copy written at the very tick of the limit is as good as gone either way
                if (File.GetLastWriteTimeUtc(file) >= before) continue;
                File.Delete(file);
                deleted++;
            }
            catch (IOException) { } // gone already, or (on Windows) still open: the next copy tries again
            catch (UnauthorizedAccessException) { }
        }
        return deleted;
    }
}
