using System.Text.Json.Serialization;

namespace Kto.Core.Questionnaires;

/// <summary>How a question is answered. The JSON names are part of the questionnaire file format.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    /// <summary>School-style grade 1–10 (the rapportcijfer, UWV's KPI).</summary>
    [JsonStringEnumMemberName("grade-1-10")] Grade1To10,

    /// <summary>0–10, as in "would you recommend" (NPS style).</summary>
    [JsonStringEnumMemberName("scale-0-10")] Scale0To10,

    /// <summary>Five-point agree scale, optionally with a "don't know / not applicable" option.</summary>
    [JsonStringEnumMemberName("agree-5")] Agree5,

    /// <summary>Free text with a maximum length.</summary>
    [JsonStringEnumMemberName("open-text")] OpenText,
}
