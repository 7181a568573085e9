using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>
/// Unknown short codes per client address and minute (<c>Kto:Survey:UnknownCodesPerMinute</c>): the unknown-link
/// limiter's sliding window and memory cap, with its own, lower limit, because a code is far easier to guess than a link.
/// </summary>
public sealed class ShortCodeLimiter(SurveySettings settings, TimeProvider time)
{
    private readonly UnknownTokenLimiter misses = new(new SurveySettings { UnknownTokensPerMinute = settings.UnknownCodesPerMinute }, time);

    public TimeSpan? RetryAfter(string client) => misses.RetryAfter(client);

    public void RecordMiss(string client) => misses.RecordMiss(client);
}
