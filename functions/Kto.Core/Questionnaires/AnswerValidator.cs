using System.Globalization;
using System.Text;

namespace Kto.Core.Questionnaires;

/// <summary>
/// Turns the raw fields of a submitted form into typed <see cref="Answers"/> for one questionnaire version.
/// Field names are question ids; other fields (buttons, anti-forgery tokens) are ignored. An empty or blank
/// field counts as not answered.
/// </summary>
public static class AnswerValidator
{
    /// <param name="leftBlank">
    /// Questions the client left blank on a paper form or in a phone interview ("niet ingevuld"): no answer, and no
    /// error even when the question is mandatory (the web form has no such choice: it passes none).
    /// </param>
    public static AnswerValidationResult Validate(Questionnaire questionnaire, IReadOnlyDictionary<string, string?> form,
        IReadOnlySet<string>? leftBlank = null)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(form);

        var values = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var question in questionnaire.Questions)
        {
            if (leftBlank is not null && leftBlank.Contains(question.Id))
            {
                values[question.Id] = AnswerValue.None;
                continue;
            }
            var raw = form.GetValueOrDefault(question.Id);
            var (value, error) = question.Type == QuestionType.OpenText
                ? ReadText(question, raw)
                : ReadNumber(question, raw);
            if (error is not null) errors.Add(error);
            else values[question.Id] = value;
        }

        return errors.Count == 0
            ? AnswerValidationResult.Valid(new Answers(questionnaire.Version, values))
            : AnswerValidationResult.Invalid(errors);
    }

    private static (AnswerValue Value, FieldError? Error) ReadNumber(Question question, string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text)) return Missing(question);

        var dontKnow = question.Options?.FirstOrDefault(o => o.DontKnow);
        if (dontKnow is not null && string.Equals(text, dontKnow.Value, StringComparison.OrdinalIgnoreCase))
            return (new AnswerValue(DontKnow: true), null);

        var (min, max) = (question.Minimum!.Value, question.Maximum!.Value);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return (AnswerValue.None, question.Type == QuestionType.Agree5
                ? Error(question, FieldErrorCodes.NotANumber,
                    "Kies een van de antwoorden.",
                    "Please choose one of the answers.")
                : Error(question, FieldErrorCodes.NotANumber,
                    $"Vul een heel getal in, van {min} tot en met {max}.",
                    $"Please enter a whole number from {min} to {max}."));
        }

        if (number < min || number > max)
        {
            return (AnswerValue.None, question.Type == QuestionType.Agree5
                ? Error(question, FieldErrorCodes.OutOfRange,
                    "Kies een van de antwoorden.",
                    "Please choose one of the answers.")
                : Error(question, FieldErrorCodes.OutOfRange,
                    $"Kies een cijfer van {min} tot en met {max}.",
                    $"Please choose a number from {min} to {max}."));
        }

        return (new AnswerValue(Number: number), null);
    }

    private static (AnswerValue Value, FieldError? Error) ReadText(Question question, string? raw)
    {
        var text = Clean(raw);
        if (text.Length == 0) return Missing(question);

        var maxLength = question.MaxLength ?? int.MaxValue;
        if (text.Length > maxLength)
        {
            return (AnswerValue.None, Error(question, FieldErrorCodes.TooLong,
                $"Uw antwoord is te lang. U mag hier {maxLength} tekens gebruiken. U gebruikt er nu {text.Length}.",
                $"Your answer is too long. You may use {maxLength} characters here. You now use {text.Length}."));
        }

        return (new AnswerValue(Text: text), null);
    }

    /// <summary>
    /// Removes control characters (they break reports and spreadsheets) but keeps line breaks as "\n" and tabs;
    /// composes accents (NFC) so "é" counts as one character; trims.
    /// </summary>
    internal static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsControl(c) && c != '\n' && c != '\t') continue;
            builder.Append(c);
        }
        return builder.ToString().Trim();
    }

    private static (AnswerValue, FieldError?) Missing(Question question) =>
        question.Mandatory
            ? (AnswerValue.None, Error(question, FieldErrorCodes.Required,
                "U heeft deze vraag nog niet beantwoord. Dit is een verplichte vraag.",
                "You have not answered this question yet. This question is required."))
            : (AnswerValue.None, null);

    private static FieldError Error(Question question, string code, string nl, string en) => new(question.Id, code, nl, en);
}
