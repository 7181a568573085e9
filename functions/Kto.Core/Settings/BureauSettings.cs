namespace Kto.Core.Settings;

/// <summary>The research bureau that runs the survey (configuration section <c>Kto:Bureau</c>).</summary>
public sealed class BureauSettings
{
    public const string Section = "Bureau";

    // Stryker disable once String : a placeholder every deployment sets (SettingsRules); a test pinning its text would say nothing
    public string Name { get; set; } = "Onderzoeksbureau (naam instellen)";

    /// <summary>VBO, VSO or MOA: UWV accepts only bureaus that are a member of one of these.</summary>
    public string Membership { get; set; } = "";

    /// <summary>The privacy address: where clients ask about their data (privacy texts, mails, letters).</summary>
    // Stryker disable once String : a placeholder every deployment sets; a test pinning its text would say nothing
    public string ContactEmail { get; set; } = "privacy@bureau.example";

    /// <summary>Where anyone asks about the survey or the portal (the pages' footer); empty: <see cref="ContactEmail"/>.</summary>
    public string QuestionsEmail { get; set; } = "";

    /// <summary>The bureau's phone number: on letters and paper forms, for people without e-mail (opting out, questions); empty: not printed.</summary>
    public string Phone { get; set; } = "";

    /// <summary>The bureau's postal address on one line (opting out by post); empty: not printed.</summary>
    public string PostalAddress { get; set; } = "";

    /// <summary>Where returned paper forms go (e.g. an antwoordnummer), printed on the letter and the form; empty: <see cref="PostalAddress"/>.</summary>
    public string ReturnAddress { get; set; } = "";

    /// <summary>The address the pages offer for questions.</summary>
    public string QuestionsAddress => string.IsNullOrWhiteSpace(QuestionsEmail) ? ContactEmail : QuestionsEmail.Trim();

    /// <summary>The address returned paper forms are sent to; null when neither address is set.</summary>
    public string? FormReturnAddress => !string.IsNullOrWhiteSpace(ReturnAddress) ? ReturnAddress.Trim()
        : !string.IsNullOrWhiteSpace(PostalAddress) ? PostalAddress.Trim() : null;

    /// <summary>How long contact data is kept after fieldwork of its year closes, in days.</summary>
    public int ContactRetentionDays { get; set; } = 90;
}
