using Kto.Core.Backup;

namespace Kto.Infrastructure.Backup;

/// <summary>No backup account configured (Kto:Backup:BlobServiceUri and ConnectionString empty): nothing is kept, a write says so.</summary>
public sealed class NoSnapshotArchive : ISnapshotArchive
{
    public const string Message = "No backup account is configured: set Kto__Backup__BlobServiceUri (Azure) or Kto__Backup__ConnectionString.";

    public bool Configured => false;

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public ISnapshotFiles Open(string name) => throw new InvalidOperationException(Message);

    public Task DeleteAsync(string name, IReadOnlyCollection<string>? paths, CancellationToken cancellationToken) => Task.CompletedTask;
}
