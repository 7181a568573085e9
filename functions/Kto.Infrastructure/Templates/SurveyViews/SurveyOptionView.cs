namespace Kto.Infrastructure.Templates.SurveyViews;

/// <summary>One radio button of a question.</summary>
public sealed record SurveyOptionView(string Value, string Label, string InputId, bool Checked);
