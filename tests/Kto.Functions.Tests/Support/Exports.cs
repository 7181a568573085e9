using System.Text;

namespace Kto.Functions.Tests.Support;

/// <summary>Builds delivery files the way companies export them.</summary>
public static class Exports
{
    public const string Header = "klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum";

    public static byte[] Csv(params string[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\n", new[] { Header }.Concat(rows)) + "\n");

    public static string Row(string klantnummer, string perceel = "Naar werk", string einddatum = "15-03-2026", string email = "klant@example.nl") =>
        $"{klantnummer};Sam;Jansen;{email};0612345678;{perceel};{einddatum}";
}
