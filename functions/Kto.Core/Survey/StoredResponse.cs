using Kto.Core.Questionnaires;

namespace Kto.Core.Survey;

/// <summary>One client's answers, kept apart from contact data: only the service id links them.</summary>
public sealed record StoredResponse(ServiceRef Service, Perceel Perceel, Answers Answers, DateTimeOffset SubmittedAt);
