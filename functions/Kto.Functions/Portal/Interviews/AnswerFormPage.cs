using Kto.Core.Portal;
namespace Kto.Functions.Portal;

/// <summary>answers.liquid: the questionnaire as a form, to type in answers given by phone or on paper, with what was wrong in the last try.</summary>
public sealed record AnswerFormPage(
    CompanyHeading Company,
    int Year,
    string Service,
    string Mode,
    bool IsPhone,
    bool Saved,
    PageText? Refusal,
    bool Answered,
    string Name,
    string Klantnummer,
    bool Opdrachtgever,
    string? Phone,
    string? Tel,
    string Perceel,
    string Version,
    string Introduction,
    List<AnswerFormPage.Error> Errors,
    string? RequiredHint,
    List<AnswerFormPage.Question> Questions,
    string? BackUrl,
    string ListUrl)
{
    /// <summary>One line of the error summary: the question's number and text, linking to its first choice.</summary>
    public sealed record Error(string Id, int? Number, string? Text, string Message, bool Required);

    /// <summary>A question as the form shows it: the text to read aloud and its choices (numbers for grades, labels for agree-5).</summary>
    public sealed record Question(
        string Id,
        int Number,
        string Text,
        bool Mandatory,
        bool Open,
        bool Scale,
        string? Low,
        string? High,
        int? MaxLength,
        string? Entered,
        string? Error,
        string FirstInput,
        List<Choice> Choices);

    public sealed record Choice(string Value, string Label, string InputId, bool Blank, bool Checked);
}
