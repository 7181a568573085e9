namespace Kto.Core.Deliveries;

/// <summary>
/// Every message a receipt can carry, in plain Dutch (the receipt contract stores the message as written). One place
/// for all of them, so a page in another language finds each one: <c>{0}</c>, <c>{1}</c> stand for the values
/// <see cref="WrittenMessages.Format"/> fills in, and the page's catalog translates the pattern with those values kept.
/// </summary>
public static class DeliveryMessages
{
    // Refusal of the whole file.
    public const string EmptyFile = "Het bestand is leeg.";
    public const string NoHeaderNoData = "Het bestand bevat geen kolomnamen en geen gegevens.";
    public const string OnlyHeader = "Het bestand bevat alleen kolomnamen en geen rijen met gegevens.";
    public const string NoClientRows = "Het bestand bevat geen klantregels.";
    public const string FileTooLarge = "Het bestand is groter dan {0} MB. Lever het in delen aan.";
    public const string NoExtension = "Bestanden zonder extensie worden niet gelezen. Lever een .csv- of .xlsx-bestand aan.";
    public const string WrongExtension = "Bestanden van het type \"{0}\" worden niet gelezen. Lever een .csv- of .xlsx-bestand aan.";
    public const string Pdf = "Dit is een PDF-bestand. Lever een export aan als .csv of .xlsx.";
    public const string OldExcelOrProtected = "Dit is een oud Excel-bestand (.xls) of een beveiligd bestand. Sla het op als .xlsx of .csv, zonder wachtwoord.";
    public const string NotText = "Het bestand is geen leesbare tekst of spreadsheet. Lever een export aan als .csv of .xlsx.";
    public const string Damaged = "Het bestand kan niet worden gelezen; het is mogelijk beschadigd. Sla het opnieuw op als .csv of .xlsx.";
    public const string Unreadable = "Het bestand kan niet worden gelezen. Lever een .csv- of .xlsx-bestand aan zoals beschreven.";
    public const string UnreadableFrom = "Het bestand kan vanaf rij {0} niet worden gelezen; het is mogelijk beschadigd. De {1} klanten ervóór zijn verwerkt. " +
        "Lever het herstelde bestand opnieuw aan onder een nieuwe naam: al verwerkte klanten worden niet dubbel geteld.";
    public const string OpdrachtgeversUnreadableFrom = "Het bestand kan vanaf rij {0} niet worden gelezen; het is mogelijk beschadigd. De {1} opdrachtgevers ervóór zijn verwerkt. " +
        "Lever het herstelde bestand opnieuw aan onder een nieuwe naam: al verwerkte opdrachtgevers worden niet dubbel geteld.";
    public const string IngestFailed = "Het verwerken van dit bestand is {0} keer mislukt door een storing bij het onderzoeksbureau. Lever het opnieuw aan; " +
        "wie al verwerkt is (klant of opdrachtgever), wordt niet dubbel geteld en niet opnieuw benaderd.";
    public const string IngestInterrupted = "Het verwerken van dit bestand is onderbroken door een storing bij het onderzoeksbureau. Lever het opnieuw aan; " +
        "wie al verwerkt is (klant of opdrachtgever), wordt niet dubbel geteld en niet opnieuw benaderd.";
    public const string BsnColumn = "De kolom ‘{0}’ bevat burgerservicenummers (BSN). Een BSN mag nooit worden aangeleverd: verwijder die kolom en lever het bestand opnieuw aan.";
    public const string MissingColumn = "De verplichte kolom \"{0}\" ontbreekt.";
    public const string MissingColumns = "De verplichte kolommen {0} ontbreken.";
    public const string TooManyRows = "Het bestand heeft meer dan {0} rijen. Lever het in delen aan.";
    public const string TooManyColumns = "Het bestand heeft waarden in meer dan {0} kolommen. Lever alleen de kolommen van de levering aan.";

    // A rejected row.
    // The value, not the column: the column may hold ordinary values in every other row. A klantnummer of eight or nine
    // digits passes the 11-proef by chance about one time in eleven and cannot be told from a BSN: the text says what to do.
    public const string BsnValue = "Deze waarde lijkt op een burgerservicenummer (BSN). Een BSN mag niet worden aangeleverd; deze rij is niet opgeslagen. Is het een klantnummer? Dan lijkt het toevallig op een BSN: geef deze klant een klantnummer met een letter erin.";
    public const string MissingKlantnummer = "Het klantnummer ontbreekt.";
    public const string KlantnummerTooLong = "Het klantnummer is langer dan {0} tekens en daarom geen bruikbaar klantnummer.";
    public static readonly string MissingPerceel = $"Het perceel ontbreekt. Gebruik {PerceelList()}.";
    public static readonly string UnknownPerceel = $"Onbekend perceel. Gebruik {PerceelList()}.";
    public const string MissingEinddatum = "De einddatum ontbreekt.";
    public const string InvalidEinddatum = "De einddatum is geen geldige datum. Schrijf bijvoorbeeld 31-03-2025 of 2025-03-31.";
    public const string InvalidStartdatum = "De startdatum is geen geldige datum. Schrijf bijvoorbeeld 31-03-2025 of 2025-03-31.";
    public const string EinddatumInFuture = "De einddatum ligt in de toekomst. Lever de klant aan nadat de dienst is beëindigd.";
    public const string EinddatumTooOld = "De einddatum ligt vóór {0}. Diensten uit eerdere meetjaren worden niet meer onderzocht.";
    public const string UnreadableRow = "Deze rij kan niet worden gelezen en is niet opgeslagen. Controleer de cellen van deze rij.";
    public const string UnreadableSheetRow = "Deze rij kan niet worden gelezen en is niet opgeslagen. Controleer de cellen van deze rij (bijvoorbeeld een datum of formule).";
    public const string MissingOrganisatie = "De naam van de organisatie (opdrachtgever) ontbreekt.";
    public const string InvalidName = "Deze naam bevat een regeleinde, tab, ander stuurteken of een teken dat de schrijfrichting omdraait; deze rij is niet opgeslagen.";
    public const string InvalidAantalTrajecten = "Het aantal trajecten is geen heel getal van 0 of meer.";
    public const string InvalidJaar = "Het jaar moet {0} of {1} zijn (het meetjaar waarin de opdrachtgever trajecten gaf).";

    // Warnings: the row is kept.
    public const string InvalidEmail = "Het e-mailadres is ongeldig en wordt niet gebruikt.";
    public const string ClientNoEmail = "Geen e-mailadres: de klant wordt per brief of telefoon benaderd.";
    public const string ClientNoContactData = "Geen e-mailadres, telefoonnummer of volledig adres: de klant kan niet worden benaderd.";
    public const string OpdrachtgeverNoEmail = "Geen e-mailadres: de opdrachtgever wordt per brief of telefoon benaderd.";
    public const string OpdrachtgeverOnlyLetter = "Geen e-mailadres: de opdrachtgever wordt per brief benaderd.";
    public const string OpdrachtgeverOnlyPhone = "Geen e-mailadres: de opdrachtgever kan alleen per telefoon worden benaderd.";
    public const string OpdrachtgeverNoContactData = "Geen e-mailadres, telefoonnummer of volledig adres: de opdrachtgever kan niet worden benaderd.";
    public const string ColumnNotInContract = "Deze kolom hoort niet bij de levering en wordt niet opgeslagen.";
    public const string ColumnTwice = "Deze kolom komt dubbel voor; alleen de eerste wordt gelezen.";
    public const string ColumnWithoutName = "Deze kolom heeft geen naam en wordt niet opgeslagen.";
    public const string DuplicateRow = "Dubbel: deze rij staat al eerder in dit bestand en telt één keer.";
    public const string DeliveredBefore = "Dubbel: deze rij is al eerder aangeleverd en telt één keer.";

    // On a receipt with status "duplicate".
    public const string DuplicateFile = "Dit bestand is al eerder aangeleverd als '{0}'. Er is niets opnieuw verwerkt.";

    private static string PerceelList() =>
        string.Join(", ", PerceelNames.All.SkipLast(1).Select(PerceelNames.DisplayName)) + " of " + PerceelNames.DisplayName(PerceelNames.All[^1]);
}
