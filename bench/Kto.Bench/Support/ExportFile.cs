using System.Globalization;
using System.Text;
using Kto.Core;

namespace Kto.Bench.Support;

/// <summary>
/// A deterministic monthly export as companies write it (semicolons, UTF-8, Dutch dates, every contract column
/// plus one the contract ignores). One row in a hundred has no e-mail address (a no-email warning), so the receipt
/// is realistic without being dominated by warnings. Klantnummers are "K" and eight digits: never taken for a BSN (a
/// plain eight-digit number that passes the 11-proef with a leading 0 is one, by design: issue 11).
/// </summary>
public static class ExportFile
{
    public const string Header =
        "Klantnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Telefoonnummer;Adres;Postcode;Woonplaats;Perceel;Startdatum;Einddatum;Reden beëindiging;Opdrachtgever;Consulent";

    private static readonly string[] FirstNames = ["Sam", "Fatima", "Jan", "Anouk", "Mohamed", "Lotte", "Daan", "Sanne"];
    private static readonly string[] LastNames = ["Jansen", "Vries", "Bakker", "Yılmaz", "Visser", "Smit", "Meijer", "Bos"];
    private static readonly string[] Places = ["Utrecht", "Zwolle", "Den Haag", "Groningen", "Eindhoven"];

    /// <summary>
    /// A moment inside mail hours that is never in the future: the last Tuesday at 10:00 Dutch time. End dates are
    /// spread between 1 January of its year and that day, so every service is in fieldwork then.
    /// </summary>
    public static DateTimeOffset MailMoment { get; } = LastTuesdayTen();

    public static byte[] Csv(int rows, string emailDomain = "example.nl", int firstKlantnummer = 10_000_000)
    {
        var builder = new StringBuilder(rows * 170);
        builder.Append(Header).Append('\n');
        var last = DateOnly.FromDateTime(MailMoment.DateTime);
        var first = new DateOnly(last.Year, 1, 1);
        var span = last.DayNumber - first.DayNumber + 1;
        for (var i = 0; i < rows; i++)
        {
            var nr = firstKlantnummer + i;
            var end = DateOnly.FromDayNumber(first.DayNumber + (i * 7919) % span);
            var start = end.AddDays(-90 - i % 200);
            var voornaam = FirstNames[i % FirstNames.Length];
            var achternaam = LastNames[(i / 8) % LastNames.Length];
            var email = i % 100 == 99 ? "" : $"klant{nr}@{emailDomain}";
            builder.Append(CultureInfo.InvariantCulture,
                $"K{nr};{voornaam};{(i % 5 == 0 ? "van der" : "")};{achternaam};{email};06{(10_000_000 + i * 37 % 89_999_999):D8};" +
                $"Dorpsstraat {i % 300 + 1};{1000 + i % 8999} AB;{Places[i % Places.Length]};{PerceelNames.DisplayName(PerceelNames.All[i % 4])};" +
                $"{start:dd-MM-yyyy};{end:dd-MM-yyyy};{(i % 3 == 0 ? "Werk gevonden" : "Einde traject")};UWV;J. de Boer\n");
        }
        return new UTF8Encoding(false).GetBytes(builder.ToString());
    }

    private static DateTimeOffset LastTuesdayTen()
    {
        var dutch = DutchTime.ToDutch(DateTimeOffset.UtcNow);
        var day = dutch.Date;
        while (day.DayOfWeek != DayOfWeek.Tuesday || day.AddHours(10) > dutch.DateTime) day = day.AddDays(-1);
        var local = day.AddHours(10);
        return new DateTimeOffset(local, DutchTime.Zone.GetUtcOffset(local));
    }
}
