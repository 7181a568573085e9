using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Letters;

/// <summary>
/// What a batch PDF shows: per client (or opdrachtgever, Blik op Werk) a letter and, behind it, the paper questionnaire
/// of its audience carrying the same code.
/// </summary>
/// <param name="ShortCodePage">The short address to type the code at, e.g. https://kto.example.nl/k.</param>
/// <param name="Questionnaire">The clients' paper form; null leaves it out (the benchmark's baseline, letters only).</param>
/// <param name="OpdrachtgeverQuestionnaire">The opdrachtgevers' paper form; null leaves it out.</param>
public sealed record LetterDocument(
    string CompanyName,
    int Year,
    DateOnly FieldworkCloses,
    DateTimeOffset CreatedAt,
    string ShortCodePage,
    IReadOnlyList<Letter> Letters,
    Questionnaire? Questionnaire,
    Questionnaire? OpdrachtgeverQuestionnaire = null)
{
    /// <summary>The paper form behind a letter: the one its audience answers.</summary>
    public Questionnaire? FormFor(Letter letter) =>
        letter.Audience == SurveyAudience.Opdrachtgever ? OpdrachtgeverQuestionnaire : Questionnaire;
}

/// <summary>One client's or opdrachtgever's letter.</summary>
/// <param name="Code">The short code as printed, <c>K7PX-4QM9</c>.</param>
/// <param name="SurveyUrl">The personal link, also in the QR code; null draws no QR (the benchmark's baseline).</param>
/// <param name="Audience">An opdrachtgever's letter is addressed to the organisation (its contact as the opdrachtgever
/// store reads it: the organisation in the klantnummer's place, the contact person as the name) and has its own text.</param>
public sealed record Letter(ContactDetails Contact, Perceel Perceel, ContactStep Kind, string Code, string? SurveyUrl,
    SurveyAudience Audience = SurveyAudience.Client);
