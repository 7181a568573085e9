namespace Kto.Core.Settings;

/// <summary>The research bureau that runs the survey (configuration section <c>Kto:Bureau</c>).</summary>
public sealed class BureauSettings
{
    public const string Section = "Bureau";

    public string Name { get; set; } = "Onderzoeksbureau (naam instellen)";

    /// <summary>VBO, VSO or MOA: UWV accepts only bureaus that are a member of one of these.</summary>
    public string Membership { get; set; } = "";

    /// <summary>Where clients can ask questions about the survey or their data.</summary>
    public string ContactEmail { get; set; } = "privacy@bureau.example";

    /// <summary>How long contact data is kept after fieldwork of its year closes, in days.</summary>
    public int ContactRetentionDays { get; set; } = 90;
}
