using System.Text;
using Kto.Core.Exports;

namespace Kto.Core.Fieldwork;

/// <summary>
/// The offline list as the bureau opens it in Excel: semicolons, UTF-8 with BOM, one client a line with address,
/// phone and the personal link for the letter (an opdrachtgever: its organisation under klantnummer, its contact
/// person under achternaam).
/// </summary>
public static class OfflineContactsCsv
{
    public static byte[] Write(int year, IReadOnlyList<OfflineContact> contacts)
    {
        var csv = new StringBuilder();
        CsvLine.Append(csv, "jaar", "dienst", "klantnummer", "perceel", "reden", "stappen", "voornaam", "voorletters",
            "tussenvoegsel", "achternaam", "adres", "postcode", "woonplaats", "telefoon", "link");
        foreach (var c in contacts)
            CsvLine.Append(csv, year.ToString(), c.Service.ServiceId, c.Contact.Klantnummer, c.PerceelOrKind,
                c.Reason, c.StepsDone.ToString(), c.Contact.Voornaam, c.Contact.Voorletters, c.Contact.Tussenvoegsel,
                c.Contact.Achternaam, c.Contact.Adres, c.Contact.Postcode, c.Contact.Woonplaats, c.Contact.Telefoon, c.SurveyUrl);
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }
}
