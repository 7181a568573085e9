using Kto.Core.Reports;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// The exemption request's text is a rule of the domain (the renderer only lays it out): who it is to, what it asks,
/// on what grounds, by when, and room for the company to sign.
/// </summary>
public sealed class ExemptionLetterTests
{
    private static readonly DateOnly Today = new(2027, 1, 20);
    private static readonly DateOnly Deadline = new(2027, 2, 15);

    private static ExemptionLetter Compose(int ended) =>
        ExemptionLetter.Compose("Acme Re-integratie", Perceel.WerkfitMaken, 2026, ended, 5, Deadline, "Onderzoek BV", Today);

    [Fact]
    public void The_letter_asks_UWV_for_exemption_for_one_perceel_and_year_on_the_grounds_of_too_few_ended_services()
    {
        // The request names company, perceel, year, the count and the threshold, the bureau that counted, and the deadline.
        var letter = Compose(3);

        Assert.Equal(("Acme Re-integratie", Today), (letter.CompanyName, letter.Date));
        Assert.Equal(["UWV", "Ter attentie van de accounthouder van Acme Re-integratie"], letter.Addressee);
        Assert.Equal("Verzoek om vrijstelling klanttevredenheidsonderzoek 2026, perceel Werkfit maken", letter.Subject);
        Assert.Equal("Geachte accounthouder,", letter.Salutation);
        Assert.Equal(
        [
            "Acme Re-integratie vraagt vrijstelling van het klanttevredenheidsonderzoek (KTO) over 2026 voor het perceel Werkfit maken.",
            "In 2026 zijn in dit perceel 3 re-integratiediensten beëindigd. Dat zijn er minder dan 5. " +
            "Bij minder dan 5 beëindigde diensten in het hele jaar kan een re-integratiebedrijf vrijstelling vragen.",
            "Het aantal komt uit het onderzoek van Onderzoek BV, het onafhankelijke onderzoeksbureau dat het KTO voor ons uitvoert. " +
            "Het bureau heeft alle klanten van wie de dienst in 2026 is beëindigd, in het onderzoek opgenomen.",
            "Wij sturen dit verzoek vóór 15 februari 2027, de uiterste datum voor de rapportage over 2026.",
            "Hebt u vragen over dit verzoek? Neem dan contact met ons op.",
        ], letter.Paragraphs);
        Assert.Equal("Met vriendelijke groet,", letter.Closing);
    }

    [Fact]
    public void The_company_signs_the_letter_itself_with_name_function_and_signature()
    {
        // The bureau prepares the letter, but the request is the company's: it is signed by a person of the company.
        var letter = Compose(3);

        Assert.Equal(["Acme Re-integratie", ""], letter.Signature.Take(2)); // the company, then a blank line
        Assert.Equal(["Naam:", "Functie:", "Handtekening:"], letter.Signature.Skip(2).Select(line => line.Split(' ')[0]));
        Assert.All(letter.Signature.Skip(2), line => Assert.EndsWith("____", line));
    }

    [Fact]
    public void The_note_says_who_prepared_the_letter_when_and_by_when_it_must_go_to_UWV()
    {
        // The note is for the company, not for UWV: what to do with the letter and before which date.
        Assert.Equal("Deze brief is klaargezet door Onderzoek BV op 20 januari 2027. Stuur hem vóór 15 februari 2027 naar uw accounthouder bij UWV.",
            Compose(3).Note);
    }

    [Theory]
    [InlineData(0, "0 re-integratiediensten")]
    [InlineData(1, "1 re-integratiedienst ")]
    [InlineData(2, "2 re-integratiediensten")]
    public void One_ended_service_is_written_in_the_singular(int ended, string expected)
    {
        // Plain Dutch: "1 re-integratiedienst", every other count in the plural.
        Assert.Contains(expected, Compose(ended).Paragraphs[1]);
    }
}
