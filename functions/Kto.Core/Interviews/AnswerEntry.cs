using Kto.Core.Survey;

namespace Kto.Core.Interviews;

/// <summary>Answers the bureau enters for a client: read aloud on the phone, or typed from a returned paper form.</summary>
/// <param name="Answers">Question id → the value as the questionnaire form posts it ("8", "4", "nvt", a text).</param>
/// <param name="EnteredBy">The interviewer or typist: the signed-in person's e-mail address (through the API: who the bureau names, else <c>bureau-key</c>).</param>
/// <param name="Actor">Who the audit log names; the person who entered it unless the bureau key did.</param>
public sealed record AnswerEntry(ServiceRef Service, ResponseMode Mode, IReadOnlyDictionary<string, string?> Answers, string EnteredBy, string? Actor = null);
