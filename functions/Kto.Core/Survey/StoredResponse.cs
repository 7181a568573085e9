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
    string? EnteredBy = null);
