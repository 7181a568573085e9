using System.Runtime.CompilerServices;
using Kto.Core.Population;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// A services partition whose reads wait until the test lets them go: records how many reads run at once and which
/// companies were asked for, so a test can see how many companies a caller reads at a time. Every company has no services.
/// </summary>
public sealed class GatedPopulationSource : IPopulationSource
{
    private readonly object gate = new();
    private readonly SemaphoreSlim released = new(0);
    private int running;

    public int MostAtOnce { get; private set; }

    public List<string> Started { get; } = [];

    /// <summary>Lets <paramref name="reads"/> waiting (or later) reads finish.</summary>
    public void Release(int reads) => released.Release(reads);

    /// <summary>Waits until <paramref name="count"/> reads have started (or the time is up), so a test sees a settled state.</summary>
    public async Task<int> StartedAsync(int count)
    {
        for (var i = 0; i < 50; i++)
        {
            lock (gate)
                if (Started.Count >= count) return Started.Count;
            await Task.Delay(10);
        }
        lock (gate) return Started.Count;
    }

    public async IAsyncEnumerable<PopulationRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Started.Add(company);
            MostAtOnce = Math.Max(MostAtOnce, ++running);
        }
        try
        {
            await released.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (gate) running--;
        }
        yield break;
    }
}
