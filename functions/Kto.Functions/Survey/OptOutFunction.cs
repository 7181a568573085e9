using Kto.Core.Survey;
using Kto.Functions.Http;
using Kto.Infrastructure.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Survey;

/// <summary>
/// Opting out. A GET only shows a confirm button (mail scanners follow links); a POST opts out, including the
/// one-click POST of List-Unsubscribe-Post (RFC 8058).
/// </summary>
public sealed class OptOutFunction(SurveyPageService survey, SurveyPageRenderer renderer)
{
    [Function(nameof(ConfirmOptOut))]
    public async Task<IActionResult> ConfirmOptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/s/{token}/afmelden")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var page = await survey.OpenOptOutAsync(SurveyForm.Request(request, token), cancellationToken);
        return new SurveyPageResult(page, renderer);
    }

    [Function(nameof(OptOut))]
    public async Task<IActionResult> OptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/s/{token}/afmelden")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var form = await SurveyForm.ReadAsync(request, cancellationToken);
        var page = await survey.OptOutAsync(SurveyForm.Request(request, token, form), form, cancellationToken);
        return new SurveyPageResult(page, renderer);
    }
}
