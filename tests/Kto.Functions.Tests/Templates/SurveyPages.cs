using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>The questionnaire's renderer on the shipped templates, and an open page of a link as it first shows.</summary>
internal static class SurveyPages
{
    public static readonly SurveyPageRenderer Renderer = new(new LiquidTemplates(), new BureauSettings { Name = "Bureau & Co", ContactEmail = "kto@bureau.example" });

    private static readonly QuestionnaireCatalog Questionnaires = new(new QuestionnaireSettings());

    public static SurveyPage Open(string token, string formKey, string language, SurveyAudience audience, string company, DateOnly? closes = null) =>
        new(SurveyPageState.Open, language)
        {
            Token = token,
            FormKey = formKey,
            Service = new ServiceSnapshot(new ServiceRef("acme", 2026, "S1"), Perceel.NaarWerk, new DateOnly(2026, 5, 1), ServiceStatus.Open, company, audience),
            Questionnaire = Questionnaires.For(audience),
            FieldworkCloses = closes,
        };
}
