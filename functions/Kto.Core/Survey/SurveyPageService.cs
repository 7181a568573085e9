using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;

namespace Kto.Core.Survey;

/// <summary>
/// Decides what a personal link shows and handles the answers and the opt-out. Order of checks on every
/// request: rate limit, token shape (no storage call), CSRF field on POSTs (no storage call, so a refused
/// POST never tells whether a token exists), token lookup, then the service's state.
/// </summary>
public sealed class SurveyPageService(
    ISurveyTokenStore tokens,
    ISurveyServiceStore services,
    IResponseStore responses,
    QuestionnaireCatalog questionnaires,
    ContactPolicy policy,
    SurveyFormKey formKey,
    UnknownTokenLimiter limiter,
    TimeProvider time)
{
    /// <summary>RFC 8058: the body a mail provider's one-click unsubscribe POST carries.</summary>
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    public async Task<SurveyPage> OpenAsync(SurveyRequest request, CancellationToken cancellationToken)
    {
        var (found, early) = await ResolveAsync(request, cancellationToken);
        return early ?? await PageForStateAsync(request, found!, cancellationToken);
    }

    public async Task<SurveyPage> SubmitAsync(SurveyRequest request, IReadOnlyDictionary<string, string?> form, CancellationToken cancellationToken)
    {
        var (found, early) = await ResolveAsync(request, cancellationToken, form);
        if (early is not null) return early;
        var page = await PageForStateAsync(request, found!, cancellationToken);
        if (page.State != SurveyPageState.Open) return page;

        var questionnaire = questionnaires.Current;
        var validation = AnswerValidator.Validate(questionnaire, form);
        if (!validation.IsValid)
        {
            return page with
            {
                Errors = validation.Errors,
                Entered = questionnaire.Questions.ToDictionary(q => q.Id, q => form.GetValueOrDefault(q.Id)),
            };
        }

        var service = found!.Snapshot;
        var response = new StoredResponse(service.Ref, service.Perceel, validation.Answers!, time.GetUtcNow());
        if (await responses.TryAddAsync(response, cancellationToken))
        {
            await services.MarkRespondedAsync(service.Ref, response.Answers.Rapportcijfer, cancellationToken);
            return Page(SurveyPageState.Thanks, request, found);
        }
        // A double submit, a second tab or a retry: the first answer counts.
        await CompleteRespondedAsync(service.Ref, cancellationToken);
        return Page(SurveyPageState.AlreadyAnswered, request, found);
    }

    public async Task<SurveyPage> OpenOptOutAsync(SurveyRequest request, CancellationToken cancellationToken)
    {
        var (found, early) = await ResolveAsync(request, cancellationToken);
        if (early is not null) return early;
        return Page(found!.Snapshot.Status == ServiceStatus.OptedOut ? SurveyPageState.OptedOut : SurveyPageState.OptOutConfirm, request, found);
    }

    /// <summary>
    /// Opts out from the confirm page's form, or from a mail provider's one-click POST (RFC 8058: no cookies, no
    /// Origin, no form field; it only opts out, which is idempotent and harmless).
    /// </summary>
    public async Task<SurveyPage> OptOutAsync(SurveyRequest request, IReadOnlyDictionary<string, string?> form, CancellationToken cancellationToken)
    {
        var oneClick = string.Equals(form.GetValueOrDefault(OneClickField), OneClickValue, StringComparison.Ordinal);
        var (found, early) = await ResolveAsync(request, cancellationToken, oneClick ? null : form);
        if (early is not null) return early;
        await services.MarkOptedOutAsync(found!.Snapshot.Ref, cancellationToken);
        return Page(SurveyPageState.OptedOut, request, found);
    }

    /// <summary>The token's service, or the page to show instead (neutral, 429, or refused POST).</summary>
    /// <param name="postedForm">The form of a POST that must carry our form field; null for GETs and one-click POSTs.</param>
    private async Task<(Found? Found, SurveyPage? Early)> ResolveAsync(
        SurveyRequest request, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? postedForm = null)
    {
        if (limiter.RetryAfter(request.ClientAddress) is { } wait)
            return (null, new SurveyPage(SurveyPageState.TooManyRequests, request.Language) { RetryAfter = wait });
        if (!SurveyToken.LooksValid(request.Token))
        {
            limiter.RecordMiss(request.ClientAddress);
            return (null, new SurveyPage(SurveyPageState.NotFound, request.Language));
        }

        var hash = SecretKeys.Hash(request.Token!);
        if (postedForm is not null && (request.CrossSite || !formKey.Matches(hash, postedForm.GetValueOrDefault(SurveyFormKey.FieldName))))
            return (null, new SurveyPage(SurveyPageState.Rejected, request.Language));

        var service = await tokens.FindAsync(hash, cancellationToken);
        var snapshot = service is null ? null : await services.GetAsync(service.Value, cancellationToken);
        if (snapshot is null)
        {
            limiter.RecordMiss(request.ClientAddress);
            return (null, new SurveyPage(SurveyPageState.NotFound, request.Language));
        }
        return (new Found(request.Token!, hash, snapshot), null);
    }

    private async Task<SurveyPage> PageForStateAsync(SurveyRequest request, Found found, CancellationToken cancellationToken)
    {
        var service = found.Snapshot;
        switch (service.Status)
        {
            case ServiceStatus.Responded:
                return Page(SurveyPageState.AlreadyAnswered, request, found);
            case ServiceStatus.OptedOut:
                return Page(SurveyPageState.OptedOut, request, found);
        }
        // A crash between storing the response and marking the service: finish it now.
        if (await CompleteRespondedAsync(service.Ref, cancellationToken))
            return Page(SurveyPageState.AlreadyAnswered, request, found);
        if (!policy.IsFieldworkOpen(service.Ref.Year, time.GetUtcNow()))
            return Page(SurveyPageState.FieldworkClosed, request, found);
        return Page(SurveyPageState.Open, request, found) with { Questionnaire = questionnaires.Current };
    }

    /// <summary>Marks the service responded with the stored grade when a response exists; true when one exists.</summary>
    private async Task<bool> CompleteRespondedAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var stored = await responses.FindAsync(service, cancellationToken);
        if (stored is null) return false;
        await services.MarkRespondedAsync(service, stored.Answers.Rapportcijfer, cancellationToken);
        return true;
    }

    private SurveyPage Page(SurveyPageState state, SurveyRequest request, Found found) =>
        new(state, request.Language)
        {
            Token = found.Token,
            Service = found.Snapshot,
            FormKey = formKey.For(found.TokenHash),
            FieldworkCloses = policy.FieldworkCloses(found.Snapshot.Ref.Year),
        };

    private sealed record Found(string Token, string TokenHash, ServiceSnapshot Snapshot);
}
