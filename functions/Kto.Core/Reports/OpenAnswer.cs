using System.Text.Json.Serialization;

namespace Kto.Core.Reports;

/// <summary>
/// One answer to an open question, already redacted (<see cref="OpenAnswerRedactor"/>). <paramref name="Id"/> is
/// stable across drafts (derived from the service and the question, <see cref="IdOf"/>) so the bureau's choice to
/// hide it survives a new draft, and names neither.
/// </summary>
public sealed record OpenAnswer(
    string Id,
    [property: JsonConverter(typeof(PerceelJsonConverter))] Perceel Perceel,
    string QuestionId,
    string Text)
{
    /// <summary>The first 16 hex digits of SHA-256 over "{service id}/{question id}".</summary>
    public static string IdOf(string serviceId, string questionId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{serviceId}/{questionId}")))[..16];
}
