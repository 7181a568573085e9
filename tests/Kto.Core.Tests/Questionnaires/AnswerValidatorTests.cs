using Kto.Core.Questionnaires;

namespace Kto.Core.Tests.Questionnaires;

public class AnswerValidatorTests
{
    private static readonly Questionnaire Questionnaire = new QuestionnaireCatalog(new QuestionnaireSettings()).Current;

    private static readonly string[] AgreeIds =
    [
        "begeleider-luistert", "begeleider-deskundig", "begeleider-bereikbaar", "afspraken-duidelijk",
        "afspraken-nagekomen", "meebeslissen-plan", "hulp-naar-werk", "informatie-duidelijk",
    ];

    /// <summary>A complete, valid form; tests change one field.</summary>
    private static Dictionary<string, string?> ValidForm()
    {
        var form = new Dictionary<string, string?> { ["rapportcijfer"] = "8", ["aanbevelen"] = "9" };
        foreach (var id in AgreeIds) form[id] = "4";
        return form;
    }

    private static FieldError SingleError(Dictionary<string, string?> form)
    {
        var result = AnswerValidator.Validate(Questionnaire, form);
        Assert.False(result.IsValid);
        Assert.Null(result.Answers);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Valid_form_gives_typed_answers_for_every_question()
    {
        var form = ValidForm();
        form["begeleider-luistert"] = "nvt";
        form["open-goed"] = "  Fijne gesprekken.  ";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var answers = result.Answers!;
        Assert.Equal("kto-2026-1", answers.Version);
        Assert.Equal(Questionnaire.Questions.Count, answers.Values.Count);
        Assert.Equal(8, answers.Rapportcijfer);
        Assert.Equal(9, answers["aanbevelen"].Number);
        Assert.Equal(4, answers["hulp-naar-werk"].Number);
        Assert.Equal(new AnswerValue(DontKnow: true), answers["begeleider-luistert"]);
        Assert.Equal("Fijne gesprekken.", answers["open-goed"].Text);
        Assert.False(answers["open-beter"].IsAnswered);
    }

    [Fact]
    public void Optional_questions_may_stay_empty()
    {
        var form = ValidForm();
        form.Remove("aanbevelen");
        form["open-beter"] = "   ";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.True(result.IsValid);
        Assert.Equal(AnswerValue.None, result.Answers!["aanbevelen"]);
        Assert.Equal(AnswerValue.None, result.Answers["open-beter"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_mandatory_grade_is_an_error(string? value)
    {
        var form = ValidForm();
        form["rapportcijfer"] = value;
        if (value is null) form.Remove("rapportcijfer");

        var error = SingleError(form);

        Assert.Equal(("rapportcijfer", FieldErrorCodes.Required), (error.QuestionId, error.Code));
        Assert.Contains("verplichte vraag", error.MessageNl);
        Assert.Contains("required", error.MessageEn);
    }

    [Fact]
    public void Every_missing_mandatory_question_is_reported()
    {
        var result = AnswerValidator.Validate(Questionnaire, new Dictionary<string, string?>());

        Assert.False(result.IsValid);
        Assert.Equal(["rapportcijfer", .. AgreeIds], result.Errors.Select(e => e.QuestionId));
        Assert.All(result.Errors, e => Assert.Equal(FieldErrorCodes.Required, e.Code));
    }

    [Theory]
    [InlineData("rapportcijfer", "0")]
    [InlineData("rapportcijfer", "11")]
    [InlineData("rapportcijfer", "-3")]
    [InlineData("aanbevelen", "11")]
    [InlineData("hulp-naar-werk", "6")]
    [InlineData("hulp-naar-werk", "0")]
    public void Number_outside_the_scale_is_out_of_range(string id, string value)
    {
        var form = ValidForm();
        form[id] = value;

        var error = SingleError(form);

        Assert.Equal((id, FieldErrorCodes.OutOfRange), (error.QuestionId, error.Code));
    }

    [Fact]
    public void Out_of_range_message_names_the_range_in_both_languages()
    {
        var form = ValidForm();
        form["rapportcijfer"] = "11";

        var error = SingleError(form);

        Assert.Equal("Kies een cijfer van 1 tot en met 10.", error.MessageNl);
        Assert.Equal("Please choose a number from 1 to 10.", error.MessageEn);
        Assert.Equal(error.MessageEn, error.Message("en"));
        Assert.Equal(error.MessageNl, error.Message("nl"));
    }

    [Fact]
    public void Scale_0_to_10_accepts_zero()
    {
        var form = ValidForm();
        form["aanbevelen"] = "0";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.Equal(0, result.Answers!["aanbevelen"].Number);
    }

    [Theory]
    [InlineData("acht")]
    [InlineData("7.5")]
    [InlineData("7,5")]
    [InlineData("8x")]
    public void Non_numeric_grade_is_not_a_number(string value)
    {
        var form = ValidForm();
        form["rapportcijfer"] = value;

        var error = SingleError(form);

        Assert.Equal(FieldErrorCodes.NotANumber, error.Code);
        Assert.Equal("Vul een heel getal in, van 1 tot en met 10.", error.MessageNl);
        Assert.Equal("Please enter a whole number from 1 to 10.", error.MessageEn);
    }

    [Fact]
    public void Unknown_agree_choice_asks_to_pick_an_answer()
    {
        var form = ValidForm();
        form["meebeslissen-plan"] = "misschien";

        var error = SingleError(form);

        Assert.Equal(("meebeslissen-plan", FieldErrorCodes.NotANumber), (error.QuestionId, error.Code));
        Assert.Equal("Please choose one of the answers.", error.MessageEn);
        Assert.Equal("Kies een van de antwoorden.", error.MessageNl);
    }

    [Fact]
    public void An_agree_choice_outside_the_five_asks_to_pick_an_answer_not_for_a_number()
    {
        var form = ValidForm();
        form["meebeslissen-plan"] = "6";

        var error = SingleError(form);

        Assert.Equal(("meebeslissen-plan", FieldErrorCodes.OutOfRange), (error.QuestionId, error.Code));
        Assert.Equal(("Kies een van de antwoorden.", "Please choose one of the answers."), (error.MessageNl, error.MessageEn));
    }

    [Fact]
    public void Without_a_questionnaire_or_a_form_nothing_is_validated()
    {
        Assert.Throws<ArgumentNullException>(() => AnswerValidator.Validate(null!, ValidForm()));
        Assert.Throws<ArgumentNullException>(() => AnswerValidator.Validate(Questionnaire, null!));
    }

    [Fact]
    public void Open_text_longer_than_its_maximum_is_too_long()
    {
        var max = Questionnaire.Find("open-beter")!.MaxLength!.Value;
        var form = ValidForm();
        form["open-beter"] = new string('a', max + 1);

        var error = SingleError(form);

        Assert.Equal(("open-beter", FieldErrorCodes.TooLong), (error.QuestionId, error.Code));
        Assert.Contains($"{max} tekens", error.MessageNl);
        Assert.Contains($"{max} characters", error.MessageEn);
    }

    [Fact]
    public void Open_text_of_exactly_the_maximum_is_accepted()
    {
        var max = Questionnaire.Find("open-beter")!.MaxLength!.Value;
        var form = ValidForm();
        form["open-beter"] = new string('a', max);

        Assert.True(AnswerValidator.Validate(Questionnaire, form).IsValid);
    }

    [Fact]
    public void Control_characters_are_removed_before_measuring_but_line_breaks_stay()
    {
        var max = Questionnaire.Find("open-goed")!.MaxLength!.Value;
        var form = ValidForm();
        // max letters plus NUL, BEL and ESC: too long only if control characters counted.
        form["open-goed"] = "\0" + new string('b', max - 4) + "\r\nok\u0007\u001b!";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.True(result.IsValid);
        var text = result.Answers!["open-goed"].Text!;
        Assert.Equal(new string('b', max - 4) + "\nok!", text);
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
    }

    [Fact]
    public void Text_of_only_control_characters_counts_as_not_answered()
    {
        var form = ValidForm();
        form["open-goed"] = "\u0001\u0002";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.False(result.Answers!["open-goed"].IsAnswered);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var form = ValidForm();
        form["__RequestVerificationToken"] = "abc";
        form["bsn"] = "123456782";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.True(result.IsValid);
        Assert.DoesNotContain("bsn", result.Answers!.Values.Keys);
        Assert.DoesNotContain("__RequestVerificationToken", result.Answers.Values.Keys);
    }

    [Fact]
    public void Several_errors_are_reported_together_in_questionnaire_order()
    {
        var form = ValidForm();
        form["rapportcijfer"] = "12";
        form["open-goed"] = new string('x', 5000);
        form["afspraken-duidelijk"] = "";

        var result = AnswerValidator.Validate(Questionnaire, form);

        Assert.Equal(
            [("rapportcijfer", FieldErrorCodes.OutOfRange), ("afspraken-duidelijk", FieldErrorCodes.Required), ("open-goed", FieldErrorCodes.TooLong)],
            result.Errors.Select(e => (e.QuestionId, e.Code)));
    }
}
