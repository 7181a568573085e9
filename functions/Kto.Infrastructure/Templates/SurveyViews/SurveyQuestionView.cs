namespace Kto.Infrastructure.Templates.SurveyViews;

/// <summary>One question as <c>Survey/questionnaire.liquid</c> shows it; <see cref="Kind"/> is <c>text</c>, <c>agree</c> or <c>grade</c>.</summary>
public sealed record SurveyQuestionView(
    string Id,
    int Number,
    string Kind,
    string Text,
    bool Optional,
    string? Hint,
    string HintId,
    string? Error,
    string ErrorId,
    string DescribedBy,
    string FirstInputId,
    int? Maxlength,
    string? Value,
    List<SurveyOptionView> Options);
