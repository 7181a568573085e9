using Azure;
using Kto.Core.Access;
using Kto.Core.Digest;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Table <c>digestsends</c>: partition <c>{kind}_{period}</c> (<c>digest_2026-W49</c>, <c>delivery_2026-11</c>), row the
/// SHA-256 of the address (never the address itself), column <c>ClaimedAt</c>. The insert is create-only: the one run
/// whose insert succeeds sends the mail.
/// </summary>
public sealed class TableDigestLedger(TableServiceClient tables) : IDigestLedger
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.DigestSendsTable);

    public async Task<bool> TryClaimAsync(string kind, string period, string email, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition(kind, period), SecretKeys.Hash(email)) { ["ClaimedAt"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string kind, string period, string email, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(Partition(kind, period), SecretKeys.Hash(email), ETag.All, cancellationToken);

    private static string Partition(string kind, string period) => $"{kind}_{period}";
}
