namespace Kto.Infrastructure.Letters;

/// <summary>What <c>Letters/letter.liquid</c> (and the opdrachtgever's) reads, by snake_case name; an empty perceel for an opdrachtgever; <see cref="CompanyStop"/> is the full stop after the company's name at a sentence's end (<see cref="Kto.Core.SentenceStop"/>).</summary>
public sealed record LetterView(
    string Salutation,
    string Company,
    string CompanyStop,
    string Perceel,
    string Closes,
    string Bureau,
    string BureauEmail,
    string? BureauPhone,
    string? BureauPostal,
    bool IsReminder,
    string ShortPage,
    string Code);
