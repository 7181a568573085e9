using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>A typed short code's service, or why there is none.</summary>
/// <param name="SurveyToken">The fresh survey token of a found code.</param>
public sealed record ShortCodeResult(ShortCodeOutcome Outcome, string? SurveyToken = null, ServiceRef? Service = null, TimeSpan? RetryAfter = null);
