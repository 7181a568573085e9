using Kto.Core.Survey;

namespace Kto.Core.Interviews;

/// <summary>Answers the bureau enters for a client: read aloud on the phone, or typed from a returned paper form.</summary>
/// <param name="Answers">
/// Question id → the value as the questionnaire form posts it ("8", "4", "nvt", a text); <c>null</c> when the client
/// left the question blank ("niet ingevuld"): no answer to that question, never a grade. A question that is missing
/// altogether has not been entered yet and is refused when it is mandatory.
/// </param>
/// <param name="EnteredBy">The interviewer or typist: the signed-in person's e-mail address (through the API: who the bureau names, else <c>bureau-key</c>).</param>
/// <param name="Actor">Who the audit log names; the person who entered it unless the bureau key did.</param>
public sealed record AnswerEntry(ServiceRef Service, ResponseMode Mode, IReadOnlyDictionary<string, string?> Answers, string EnteredBy, string? Actor = null)
{
    /// <summary>The value of the portal's "niet ingevuld" choice: the question was left blank.</summary>
    public const string LeftBlank = "niet-ingevuld";
}
