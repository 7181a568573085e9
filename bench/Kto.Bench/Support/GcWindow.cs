namespace Kto.Bench.Support;

/// <summary>
/// What the garbage collector did in this process over a measured run: full (gen 2) collections, the time the
/// process was paused for collections, and the bytes allocated per request. A page that allocates large strings
/// (85 KB and more) brings on full collections, whose cost shows in CPU per request but not in any one frame.
/// </summary>
public sealed class GcWindow
{
    private int gen2;
    private TimeSpan paused;
    private long allocated;

    public static GcWindow Start() => new() { gen2 = GC.CollectionCount(2), paused = GC.GetTotalPauseDuration(), allocated = GC.GetTotalAllocatedBytes() };

    /// <returns>A sentence for the notes.</returns>
    public string Stop(long requests)
    {
        var perRequest = (GC.GetTotalAllocatedBytes() - allocated) / Math.Max(1, requests);
        return $"{GC.CollectionCount(2) - gen2} full collections, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms in all, {perRequest / 1024.0:N0} KB allocated per request";
    }
}
