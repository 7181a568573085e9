namespace Kto.Core.Questionnaires;

/// <summary>Which questionnaire version new invitations get (configuration section <c>Kto:Questionnaire</c>).</summary>
public sealed class QuestionnaireSettings
{
    public const string Section = "Questionnaire";

    /// <summary>Id of an embedded version (file name without <c>.json</c> under Questionnaires/Versions).</summary>
    public string CurrentVersion { get; set; } = "kto-2026-1";
}
