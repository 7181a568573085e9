namespace Kto.TestSupport;

/// <summary>The questionnaire's answers as a respondent posts them (field name to value).</summary>
public static class SurveyAnswers
{
    /// <summary>Every mandatory question answered; the grade as given.</summary>
    public static Dictionary<string, string> Valid(int grade = 8) => new()
    {
        ["rapportcijfer"] = grade.ToString(),
        ["begeleider-luistert"] = "4",
        ["begeleider-deskundig"] = "5",
        ["begeleider-bereikbaar"] = "nvt",
        ["afspraken-duidelijk"] = "4",
        ["afspraken-nagekomen"] = "3",
        ["meebeslissen-plan"] = "4",
        ["hulp-naar-werk"] = "2",
        ["informatie-duidelijk"] = "4",
        ["open-goed"] = "Mijn begeleider was vriendelijk.",
    };
}
