namespace Kto.TestSupport;

/// <summary>
/// Open answers with planted personal data, and ordinary answers that must keep every word: the redaction corpus the
/// Core unit tests and the end-to-end report test (PDF, XLSX, JSON) share. Each planted answer is written by one of
/// <see cref="Clients"/> (its own name parts are what the redactor knows of it).
/// </summary>
public static class OpenAnswerCorpus
{
    public sealed record Client(string Klantnummer, string Voornaam, string Achternaam);

    /// <param name="Writer">Index into <see cref="Clients"/>: who wrote the answer.</param>
    /// <param name="Secrets">Text that must not survive redaction (checked case-insensitively).</param>
    public sealed record Planted(int Writer, string Text, params string[] Secrets);

    public static IReadOnlyList<Client> Clients { get; } =
    [
        new("RX4821", "Fenna", "Oudshoorn"),
        new("RX4822", "Bram", "Wijnberg"),
        new("RX4823", "Yara", "Kuipers"),
    ];

    public static IReadOnlyList<Planted> PlantedAnswers { get; } =
    [
        new(0, "Mijn e-mail is fenna.oudshoorn@example.nl, mail me gerust.", "fenna.oudshoorn@example.nl", "oudshoorn"),
        new(1, "Bel me op 06-12345678 als er vragen zijn.", "06-12345678", "12345678"),
        new(2, "Telefoon: +31 6 1234 5678, liefst na vijf uur.", "+31 6 1234 5678", "1234 5678"),
        new(0, "Mijn vaste nummer is 0031 20 123 4567.", "0031 20 123 4567", "123 4567"),
        new(1, "Overdag bereikbaar op (020) 123 45 67.", "123 45 67"),
        new(2, "Mobiel: +31 (0)6-87654321.", "87654321"),
        new(0, "Ik woon in 1234 AB Amsterdam, kom gerust langs.", "1234 AB"),
        new(1, "Mijn postcode is 9876zx.", "9876zx"),
        new(2, "Mijn BSN is 111222333, voor de zekerheid.", "111222333"),
        new(0, "Zoek me op met BSN 123.456.782 als het niet lukt.", "123.456.782", "456.782"),
        new(1, "Ik had klantnummer RX4822 bij dit bedrijf.", "RX4822"),
        new(2, "Ik ben Yara en het ging goed.", "Yara"),
        new(0, "Mijn naam is Jan-Willem de Groot, ik ben heel tevreden.", "Jan-Willem", "Groot"),
        new(1, "Mevrouw de Vries was erg behulpzaam.", "Vries"),
        new(2, "Dhr. Bakker heeft me goed geholpen.", "Bakker"),
        new(0, "Mijn coach Petra luisterde altijd goed.", "Petra"),
        new(1, "Met vriendelijke groet, Sanne Visser", "Sanne", "Visser"),
        new(2, "Groeten, Ahmed", "Ahmed"),
        new(0, "Oudshoorn hier: alles was prima geregeld.", "Oudshoorn"),
        new(1, "Mw. Özdemir belde me elke week op tijd.", "Özdemir"),
        new(2, "Stuur post naar 5611 HX Eindhoven of mail y.k@bureau-kuipers.nl.", "5611 HX", "y.k@bureau-kuipers.nl", "bureau-kuipers"),
        new(0, "Mijn klantnummer is K12345679, dat stond op de brief.", "K12345679", "12345679"),
        new(1, "Dossiernummer 20231234567 klopt volgens mij niet.", "20231234567"),
        new(2, "BSN 012 345 672 staat nog in mijn dossier.", "012 345 672", "345 672"),
        new(0, "Bel gerust 0612345670 tussen negen en vijf.", "0612345670"),
        new(1, "Ik heet Mohammed El Amrani en ik ben tevreden.", "Mohammed", "Amrani"),
        new(2, "De heer J. Pietersen nam nooit op.", "Pietersen"),
        new(0, "Begeleider Karin was top, Karin wist er veel van.", "Karin"),
        new(1, "Mail: bram.w @ gmail.com als u vragen heeft.", "bram.w", "gmail.com"),
        new(2, "Ik ben Lotte. Lotte is blij met de hulp.", "Lotte"),
        new(0, "Telefoonnummer 06 1234 5679 en postcode 3511AB.", "06 1234 5679", "1234 5679", "3511AB"),
        new(1, "Klant RX4823 uit mijn groep vond het ook goed.", "RX4823"),
        new(2, "Mijn Belgische nummer is +32 470 12 34 56.", "470 12 34 56"),
        new(0, "Mijn BSN: 111.222.333 (staat ook op mijn pas).", "111.222.333"),
        new(1, "Wijnberg is mijn achternaam, bram is mijn voornaam.", "Wijnberg", "bram"),
        new(2, "Vraag naar mevrouw Kuipers-Jansen van de balie.", "Kuipers-Jansen", "Kuipers"),
    ];

    /// <summary>Answers without personal data: they must come out word for word.</summary>
    public static IReadOnlyList<string> OrdinaryAnswers { get; } =
    [
        "In 2024 en 2025 had ik elke week een gesprek.",
        "De begeleider was fijn en luisterde goed.",
        "Ik ben tevreden over de hulp van UWV.",
        "Na 3 maanden had ik werk, 32 uur per week.",
        "De coach van UWV gaf goede tips voor mijn cv.",
        "Ik kreeg 1.250 euro scholing en 12 sessies.",
        "Mijn begeleider was altijd op tijd; afspraken om 9.30 uur.",
        "Het traject duurde van 01-02-2024 tot 15-06-2024.",
        "Goed geholpen bij het vinden van werk in Utrecht.",
        "Meer contact per telefoon zou fijn zijn, en sneller antwoord op mail.",
    ];
}
