using Kto.Core.Questionnaires;

namespace Kto.Core.Survey;

/// <summary>One client's answers, kept apart from contact data: only the service id links them.</summary>
/// <param name="Mode">How the answers came in; a response without one (stored before modes existed) was given on the web.</param>
/// <param name="EnteredBy">For phone and paper: the e-mail address of the person who entered the answers (or <c>bureau-key</c>); null on the web.</param>
public sealed record StoredResponse(
    ServiceRef Service,
    Perceel Perceel,
    Answers Answers,
    DateTimeOffset SubmittedAt,
    ResponseMode Mode = ResponseMode.Web,
    string? EnteredBy = null)
{
    /// <summary>
    /// Whether these answers, given the same way by the same person, are this response sent again (a double click, a
    /// retried request, a second tab): the same version, every number and "weet niet" the same, and a text where this
    /// response has one. Texts are not compared: an open answer is stored redacted.
    /// </summary>
    public bool IsRepeatOf(Answers answers, ResponseMode mode, string? enteredBy) =>
        Mode == mode && EnteredBy == enteredBy && Answers.Version == answers.Version &&
        Answers.Values.Keys.Union(answers.Values.Keys).All(id =>
            Answers[id].Number == answers[id].Number && Answers[id].DontKnow == answers[id].DontKnow && Answers[id].Text is null == answers[id].Text is null);
}
