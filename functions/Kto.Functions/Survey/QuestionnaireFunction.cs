using Kto.Core.Survey;
using Kto.Functions.Http;
using Kto.Infrastructure.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Survey;

/// <summary>The questionnaire on a client's personal link: the page, and the answers posted from it.</summary>
public sealed class QuestionnaireFunction(SurveyPageService survey, SurveyPageRenderer renderer)
{
    [Function(nameof(OpenQuestionnaire))]
    public async Task<IActionResult> OpenQuestionnaire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/s/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var page = await survey.OpenAsync(SurveyForm.Request(request, token), cancellationToken);
        return new SurveyPageResult(page, renderer);
    }

    [Function(nameof(SubmitQuestionnaire))]
    public async Task<IActionResult> SubmitQuestionnaire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/s/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var form = await SurveyForm.ReadAsync(request, cancellationToken);
        var page = await survey.SubmitAsync(SurveyForm.Request(request, token, form), form, cancellationToken);
        return new SurveyPageResult(page, renderer);
    }
}
