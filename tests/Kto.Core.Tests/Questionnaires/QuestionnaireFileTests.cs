using Kto.Core.Questionnaires;

namespace Kto.Core.Tests.Questionnaires;

/// <summary>
/// A questionnaire file the bureau adds or edits is checked when it is read: a broken one stops the start with a
/// message naming the version and the problem, never a client's form that cannot be answered or reported.
/// </summary>
public sealed class QuestionnaireFileTests
{
    private const string Grade = """{ "id": "rapportcijfer", "type": "grade-1-10", "mandatory": true, "text": { "nl": "Cijfer?", "en": "Grade?" } }""";

    private static string Agree(string id, string options) =>
        $$"""{ "id": "{{id}}", "type": "agree-5", "mandatory": false, "text": { "nl": "Eens?", "en": "Agree?" }, "options": [{{options}}] }""";

    private static string Option(string value, bool dontKnow = false) =>
        $$"""{ "value": "{{value}}", "label": { "nl": "{{value}}", "en": "{{value}}" }, "dontKnow": {{(dontKnow ? "true" : "false")}} }""";

    private static readonly string FivePoints = string.Join(",", Enumerable.Range(1, 5).Select(i => Option($"{i}")));

    private static string File(string version, params string[] questions) =>
        $$"""
        // a comment, as the bureau may leave one
        { "version": "{{version}}", "title": { "nl": "T", "en": "T" }, "introduction": { "nl": "I", "en": "I" },
          "questions": [ {{string.Join(",", questions)}}, ] }
        """;

    [Fact]
    public void A_file_with_comments_and_trailing_commas_is_read()
    {
        var questionnaire = Questionnaire.Parse(File("kto-test-1", Grade, Agree("eens", FivePoints + "," + Option("nvt", dontKnow: true))));
        Assert.Equal("kto-test-1", questionnaire.Version);
        Assert.Equal(["rapportcijfer", "eens"], questionnaire.Questions.Select(q => q.Id));
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { File(" ", Grade), "Questionnaire ' ' has no version." },
        { """{ "version": "v1", "title": { "nl": "T", "en": "T" }, "introduction": { "nl": "I", "en": "I" }, "questions": [] }""", "Questionnaire 'v1' has no questions." },
        { """{ "version": "v1", "title": { "nl": "T", "en": "T" }, "introduction": { "nl": "I", "en": "I" } }""", "Questionnaire 'v1' has no questions." },
        { File("v1", Grade, Grade), "Questionnaire 'v1' has question id 'rapportcijfer' twice." },
        { File("v1", Agree("eens", FivePoints)), "Questionnaire 'v1' must have a mandatory grade-1-10 question 'rapportcijfer' (the UWV KPI)." },
        { File("v1", Grade, """{ "id": " ", "type": "grade-1-10", "mandatory": false, "text": { "nl": "A", "en": "A" } }"""), "Questionnaire 'v1' has a question without id." },
        { File("v1", Grade, """{ "id": "q", "type": "grade-1-10", "mandatory": false, "text": { "nl": "Vraag", "en": " " } }"""), "Questionnaire 'v1' question 'q' needs a Dutch and an English text." },
        { File("v1", Grade, """{ "id": "q", "type": "grade-1-10", "mandatory": false, "text": { "nl": "", "en": "Question" } }"""), "Questionnaire 'v1' question 'q' needs a Dutch and an English text." },
        { File("v1", Grade, """{ "id": "q", "type": "grade-1-10", "mandatory": false }"""), "Questionnaire 'v1' question 'q' needs a Dutch and an English text." },
        { File("v1", Grade, Agree("eens", string.Join(",", Enumerable.Range(1, 4).Select(i => Option($"{i}"))))), "Questionnaire 'v1' question 'eens' needs options 1 to 5 in order." },
        { File("v1", Grade, """{ "id": "eens", "type": "agree-5", "mandatory": false, "text": { "nl": "E", "en": "A" } }"""), "Questionnaire 'v1' question 'eens' needs options 1 to 5 in order." },
        { File("v1", Grade, Agree("eens", FivePoints + "," + Option("nvt", true) + "," + Option("wn", true))), "Questionnaire 'v1' question 'eens' has more than one don't-know option." },
        { File("v1", Grade, """{ "id": "open", "type": "open-text", "mandatory": false, "text": { "nl": "O", "en": "O" } }"""), "Questionnaire 'v1' open question 'open' needs a positive maxLength." },
        { File("v1", Grade, """{ "id": "open", "type": "open-text", "mandatory": false, "text": { "nl": "O", "en": "O" }, "maxLength": 0 }"""), "Questionnaire 'v1' open question 'open' needs a positive maxLength." },
        { File("v1", Grade, $$"""{ "id": "nps", "type": "scale-0-10", "mandatory": false, "text": { "nl": "S", "en": "S" }, "options": [{{Option("1")}}] }"""), "Questionnaire 'v1' question 'nps' of type Scale0To10 takes no options." },
        { "null", "Questionnaire file is empty." },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_is_refused_naming_the_version_and_the_problem(string json, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => Questionnaire.Parse(json)).Message);

    [Fact]
    public void An_open_question_of_one_character_and_a_scale_with_no_options_are_fine()
    {
        var questionnaire = Questionnaire.Parse(File("v1", Grade,
            """{ "id": "open", "type": "open-text", "mandatory": false, "text": { "nl": "O", "en": "O" }, "maxLength": 1 }""",
            """{ "id": "nps", "type": "scale-0-10", "mandatory": false, "text": { "nl": "S", "en": "S" }, "options": [] }"""));
        Assert.Equal(3, questionnaire.Questions.Count);
    }
}
