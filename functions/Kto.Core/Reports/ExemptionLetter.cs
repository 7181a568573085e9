namespace Kto.Core.Reports;

/// <summary>
/// The letter a company sends its UWV account manager to ask exemption for a perceel with too few ended services,
/// in plain Dutch. Composed here (the text is a rule of the domain); <see cref="IExemptionLetterRenderer"/> only lays it out.
/// </summary>
public sealed record ExemptionLetter(
    string CompanyName,
    DateOnly Date,
    IReadOnlyList<string> Addressee,
    string Subject,
    string Salutation,
    IReadOnlyList<string> Paragraphs,
    string Closing,
    IReadOnlyList<string> Signature,
    string Note)
{
    public static ExemptionLetter Compose(string companyName, Perceel perceel, int year, int ended, int threshold, DateOnly deadline,
        string bureauName, DateOnly today)
    {
        var name = PerceelNames.DisplayName(perceel);
        var services = DutchCount.Of(ended, "re-integratiedienst", "re-integratiediensten");
        return new ExemptionLetter(
            companyName,
            today,
            ["UWV", $"Ter attentie van de accounthouder van {companyName}"],
            $"Verzoek om vrijstelling klanttevredenheidsonderzoek {year}, perceel {name}",
            "Geachte accounthouder,",
            [
                $"{companyName} vraagt vrijstelling van het klanttevredenheidsonderzoek (KTO) over {year} voor het perceel {name}.",
                $"In {year} zijn in dit perceel {services} beëindigd. Dat zijn er minder dan {threshold}. " +
                $"Bij minder dan {threshold} beëindigde diensten in het hele jaar kan een re-integratiebedrijf vrijstelling vragen.",
                $"Het aantal komt uit het onderzoek van {bureauName}, het onafhankelijke onderzoeksbureau dat het KTO voor ons uitvoert. " +
                $"Het bureau heeft alle klanten van wie de dienst in {year} is beëindigd, in het onderzoek opgenomen.",
                $"Wij sturen dit verzoek vóór {DutchTime.Format(deadline)}, de uiterste datum voor de rapportage over {year}.",
                "Hebt u vragen over dit verzoek? Neem dan contact met ons op.",
            ],
            "Met vriendelijke groet,",
            [companyName, "", "Naam: ________________________________", "Functie: ______________________________", "Handtekening: _________________________"],
            $"Deze brief is klaargezet door {bureauName} op {DutchTime.Format(today)}. Stuur hem vóór {DutchTime.Format(deadline)} naar uw accounthouder bij UWV.");
    }
}
