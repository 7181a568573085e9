using Kto.Core.Questionnaires;

namespace Kto.Core.Survey;

/// <summary>What to show on a personal link: the state and what the template needs for it.</summary>
public sealed record SurveyPage(SurveyPageState State, string Language)
{
    /// <summary>The survey token, only for links that exist (the page's own form and opt-out URLs).</summary>
    public string? Token { get; init; }

    /// <summary>The opt-out token when the page was opened with one (it can only opt out, never open the questionnaire).</summary>
    public string? OptOutToken { get; init; }

    public ServiceSnapshot? Service { get; init; }

    public Questionnaire? Questionnaire { get; init; }

    /// <summary>The hidden form field's value (<see cref="SurveyFormKey"/>).</summary>
    public string? FormKey { get; init; }

    /// <summary>What the client entered, by question id, to show again next to the errors.</summary>
    public IReadOnlyDictionary<string, string?> Entered { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public DateOnly? FieldworkCloses { get; init; }

    public TimeSpan? RetryAfter { get; init; }
}
