namespace Kto.Functions.Portal;

/// <summary>paper.liquid: the form that opens a paper questionnaire by its short code.</summary>
public sealed record PaperPage(string? Error, string? Code);
