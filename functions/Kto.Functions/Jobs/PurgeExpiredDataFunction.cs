using Kto.Core.Privacy;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Jobs;

/// <summary>Every night (03:00 UTC): contact data, personal links and raw files past their retention are deleted.</summary>
public sealed class PurgeExpiredDataFunction(RetentionService retention, TimeProvider time, ILogger<PurgeExpiredDataFunction> logger)
{
    [Function(nameof(PurgeExpiredData))]
    public async Task PurgeExpiredData([TimerTrigger("0 0 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await retention.RunAsync(time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Retention: contact data of {Contacts} clients, {Tokens} personal links and {Files} raw files deleted",
            result.ContactsDeleted, result.TokensDeleted, result.RawFilesDeleted);
    }
}
