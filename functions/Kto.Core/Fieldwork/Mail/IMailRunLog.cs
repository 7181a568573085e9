namespace Kto.Core.Fieldwork;

/// <summary>Where mail runs are recorded: followed while they run, listed afterwards.</summary>
public interface IMailRunLog
{
    /// <summary>Writes the run's current state (a run is saved many times: queued, its progress, its end).</summary>
    Task SaveAsync(MailRun run, CancellationToken cancellationToken);

    /// <summary>One run by id, or null.</summary>
    Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken);
}
