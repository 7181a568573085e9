namespace Kto.Bench;

/// <summary>A scenario that runs its own Azurite: the table shows Azurite's peak memory beside the scenario's.</summary>
public abstract class AzuriteScenario : IScenario
{
    public abstract string Name { get; }

    /// <summary>Azurite's peak resident memory, read just before it stops, also when the run fails.</summary>
    public long? AzuritePeak { get; private set; }

    public Task<ScenarioResult> RunAsync(CancellationToken cancellationToken) =>
        AzuriteServer.RunAsync(azurite => RunAsync(azurite, cancellationToken), peak => AzuritePeak = peak);

    protected abstract Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken);
}
