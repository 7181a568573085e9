using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class HeaderMapTests
{
    [Theory]
    [InlineData("klantnummer", "Klantnummer")]
    [InlineData("Klant-nummer", "Klantnummer")]
    [InlineData("KLANT_NR", "Klantnummer")]
    [InlineData("cliëntnummer", "Klantnummer")]
    [InlineData("Clientnummer", "Klantnummer")]
    [InlineData("Relatienummer", "Klantnummer")]
    [InlineData("E-mailadres", "Email")]
    [InlineData("e_mail", "Email")]
    [InlineData("Emailadres", "Email")]
    [InlineData("Telefoonnummer", "Telefoon")]
    [InlineData("Mobiel", "Telefoon")]
    [InlineData("Datum einde", "Einddatum")]
    [InlineData("Einddatum traject", "Einddatum")]
    [InlineData("EINDDATUM", "Einddatum")]
    [InlineData("Reden beëindiging", "RedenBeeindiging")]
    [InlineData("reden beeindiging", "RedenBeeindiging")]
    [InlineData("Resultaat", "RedenBeeindiging")]
    [InlineData("Voorletters", "Voorletters")]
    [InlineData("Tussen-voegsel", "Tussenvoegsel")]
    [InlineData(" Perceel ", "Perceel")]
    [InlineData("Opdrachtgever", "Opdrachtgever")]
    public void Names_and_aliases_match_ignoring_case_spacing_and_diacritics(string header, string expected)
    {
        Assert.True(HeaderMap.TryMatch(header, out var field));
        Assert.Equal(expected, field.ToString());
    }

    [Theory]
    [InlineData("Geboortedatum")]
    [InlineData("nummer")]
    [InlineData("")]
    public void Other_names_do_not_match(string header) => Assert.False(HeaderMap.TryMatch(header, out _));

    [Theory]
    [InlineData("BSN", true)]
    [InlineData("bsn", true)]
    [InlineData("B S N", true)]
    [InlineData("Burgerservicenummer", true)]
    [InlineData("burger service nummer", true)]
    [InlineData("Sofinummer", true)]
    [InlineData("Sofi-nummer", true)]
    [InlineData("SOFI_NUMMER", true)]
    [InlineData("bsn klant", true)]
    [InlineData("Klant BSN", true)]
    [InlineData("jobs nummer", false)]
    [InlineData("klantnummer", false)]
    public void Bsn_names_are_recognised(string header, bool expected) => Assert.Equal(expected, HeaderMap.IsBsnName(header));
}
