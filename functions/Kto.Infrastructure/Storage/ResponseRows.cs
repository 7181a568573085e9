using System.Text.Json;
using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the responses table: one row per service (row key = service id), answers as JSON, the mode
/// (web, phone, paper) and who entered a phone or paper answer. A row without a mode reads as web.
/// </summary>
public static class ResponseRows
{
    public const string Perceel = "Perceel";
    public const string Version = "Version";
    public const string Answers = "Answers";
    public const string SubmittedAt = "SubmittedAt";
    public const string Mode = "Mode";
    public const string EnteredBy = "EnteredBy";

    /// <summary>
    /// Every column <see cref="Read"/> maps, the row key (the service) first: a query asks for these only, so storage
    /// does not send each row's partition key and timestamp along with its answers.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns = ["RowKey", Perceel, Version, Answers, SubmittedAt, Mode, EnteredBy];

    /// <summary>The row of one response (public so bulk loaders write exactly what the store writes).</summary>
    public static TableEntity Write(StoredResponse response) =>
        new(TableKeys.CompanyYear(response.Service.Company, response.Service.Year), response.Service.ServiceId)
        {
            [Perceel] = response.Perceel.ToString(),
            [Version] = response.Answers.Version,
            [Answers] = JsonSerializer.Serialize(response.Answers.Values, KtoJson.Options),
            [SubmittedAt] = response.SubmittedAt,
            [Mode] = ResponseModes.Name(response.Mode),
            [EnteredBy] = response.EnteredBy,
        };

    public static StoredResponse Read(ServiceRef service, TableEntity e)
    {
        var values = e.GetString(Answers) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, AnswerValue>>(json, KtoJson.Options) ?? []
            : [];
        return new StoredResponse(service,
            Enum.Parse<Kto.Core.Perceel>(e.GetString(Perceel)),
            new Answers(e.GetString(Version) ?? "", values),
            e.GetDateTimeOffset(SubmittedAt) ?? default,
            // A row from before modes existed was answered on the web page (the only way then).
            ResponseModes.Parse(e.GetString(Mode)) ?? ResponseMode.Web,
            e.GetString(EnteredBy));
    }
}
