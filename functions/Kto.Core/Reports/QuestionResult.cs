namespace Kto.Core.Reports;

/// <summary>The result of one question in one perceel.</summary>
/// <param name="Answered">Respondents who gave a number or a text ("don't know" not included).</param>
/// <param name="Mean">Mean of the numbers; null for open questions and when nobody answered.</param>
/// <param name="DontKnow">Respondents who chose "weet ik niet / niet van toepassing".</param>
public sealed record QuestionResult(string QuestionId, bool Mandatory, int Answered, double? Mean, int DontKnow = 0);
