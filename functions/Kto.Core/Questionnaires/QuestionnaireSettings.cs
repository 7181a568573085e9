namespace Kto.Core.Questionnaires;

/// <summary>Which questionnaire version new invitations get (configuration section <c>Kto:Questionnaire</c>).</summary>
public sealed class QuestionnaireSettings
{
    public const string Section = "Questionnaire";

    /// <summary>Id of an embedded version (file name without <c>.json</c> under Questionnaires/Versions).</summary>
    public string CurrentVersion { get; set; } = "kto-2026-1";

    /// <summary>The version opdrachtgevers are asked (Blik op Werk), an embedded version like <see cref="CurrentVersion"/>.</summary>
    public string OpdrachtgeverVersion { get; set; } = "bow-opdrachtgever-2026-1";
}
