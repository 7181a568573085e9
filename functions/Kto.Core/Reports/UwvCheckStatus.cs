using System.Text.Json.Serialization;

namespace Kto.Core.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<UwvCheckStatus>))]
public enum UwvCheckStatus
{
    [JsonStringEnumMemberName("passed")] Passed,

    /// <summary>Not decided yet: something still has to happen (signing, submitting) before the deadline.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    [JsonStringEnumMemberName("failed")] Failed,
}
