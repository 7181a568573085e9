using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;

namespace Kto.Core.Letters;

/// <summary>What a batch PDF shows: per client a letter and, behind it, the paper questionnaire carrying the same code.</summary>
/// <param name="ShortCodePage">The short address to type the code at, e.g. https://kto.example.nl/k.</param>
/// <param name="Questionnaire">The paper form; null leaves it out (the benchmark's baseline, letters only).</param>
public sealed record LetterDocument(
    string CompanyName,
    int Year,
    DateOnly FieldworkCloses,
    DateTimeOffset CreatedAt,
    string ShortCodePage,
    IReadOnlyList<Letter> Letters,
    Questionnaire? Questionnaire);

/// <summary>One client's letter.</summary>
/// <param name="Code">The short code as printed, <c>K7PX-4QM9</c>.</param>
/// <param name="SurveyUrl">The personal link, also in the QR code; null draws no QR (the benchmark's baseline).</param>
public sealed record Letter(ContactDetails Contact, Perceel Perceel, ContactStep Kind, string Code, string? SurveyUrl);
