namespace Kto.Infrastructure.Templates.SurveyViews;

/// <summary>A line of the error summary: the message, linked to the field it is about.</summary>
public sealed record SurveyErrorView(string Target, string Message);
