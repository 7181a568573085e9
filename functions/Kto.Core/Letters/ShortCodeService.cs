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
    public enum Outcome { Found, Malformed, Unknown, TooManyGuesses }

    /// <param name="SurveyToken">The fresh survey token of a found code.</param>
    public sealed record Result(Outcome Outcome, string? SurveyToken = null, ServiceRef? Service = null, TimeSpan? RetryAfter = null);

    /// <summary>The client's questionnaire for a typed code.</summary>
    public async Task<Result> OpenAsync(string? typed, string clientAddress, CancellationToken cancellationToken)
    {
        var found = await FindAsync(typed, clientAddress, cancellationToken);
        if (found.Outcome != Outcome.Found) return found;
        var (token, hash) = Survey.SurveyToken.New();
        await tokens.SaveAsync(hash, found.Service!.Value, cancellationToken);
        return found with { SurveyToken = token };
    }

    /// <summary>The service a typed code belongs to (the bureau's paper data entry), under the same limit.</summary>
    public async Task<Result> FindAsync(string? typed, string clientAddress, CancellationToken cancellationToken)
    {
        var code = ShortCode.Normalize(typed);
        if (code is null) return new Result(Outcome.Malformed);
        if (limiter.RetryAfter(clientAddress) is { } wait) return new Result(Outcome.TooManyGuesses, RetryAfter: wait);
        var service = await codes.FindAsync(key.CodeHash(code), cancellationToken);
        if (service is null)
        {
            limiter.RecordMiss(clientAddress);
            return new Result(Outcome.Unknown);
        }
        return new Result(Outcome.Found, Service: service);
    }
}
