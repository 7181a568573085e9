using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>
/// The short address <c>/k</c>: a code typed from a letter opens the client's questionnaire through a fresh personal
/// link (the same page as the QR code's link). Order: shape (no storage call, not counted), the guessing limit, then
/// the lookup. Unlike links, a code can be guessed in reach, so an address over the limit is refused also for a right
/// code until the minute has passed; a shared address is slowed down, never locked out for long.
/// </summary>
public sealed class ShortCodeService(IShortCodeStore codes, ISurveyTokenStore tokens, ShortCodeLimiter limiter, SurveyFormKey key)
{
    /// <summary>The client's questionnaire for a typed code.</summary>
    public async Task<ShortCodeResult> OpenAsync(string? typed, string clientAddress, CancellationToken cancellationToken)
    {
        var found = await FindAsync(typed, clientAddress, cancellationToken);
        if (found.Outcome != ShortCodeOutcome.Found) return found;
        var (token, hash) = Survey.SurveyToken.New();
        await tokens.SaveAsync(hash, found.Service!.Value, cancellationToken);
        return found with { SurveyToken = token };
    }

    /// <summary>The service a typed code belongs to (the bureau's paper data entry), under the same limit.</summary>
    public async Task<ShortCodeResult> FindAsync(string? typed, string clientAddress, CancellationToken cancellationToken)
    {
        var code = ShortCode.Normalize(typed);
        if (code is null) return new ShortCodeResult(ShortCodeOutcome.Malformed);
        if (limiter.RetryAfter(clientAddress) is { } wait) return new ShortCodeResult(ShortCodeOutcome.TooManyGuesses, RetryAfter: wait);
        var service = await codes.FindAsync(key.CodeHash(code), cancellationToken);
        if (service is null)
        {
            limiter.RecordMiss(clientAddress);
            return new ShortCodeResult(ShortCodeOutcome.Unknown);
        }
        return new ShortCodeResult(ShortCodeOutcome.Found, Service: service);
    }
}
