namespace Kto.Core.Questionnaires;

/// <summary>One choice of a closed question, as posted by the form (<see cref="Value"/>) and shown (<see cref="Label"/>).</summary>
/// <param name="DontKnow">True for "Weet ik niet / niet van toepassing": an answer, but not a number to average.</param>
public sealed record AnswerOption(string Value, LocalizedText Label, bool DontKnow = false);
