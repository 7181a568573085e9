using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Operations;
using Kto.Core.Questionnaires;

namespace Kto.Core.Survey;

/// <summary>
/// Decides what a personal link shows and handles the answers and the opt-out. Order of checks on every
/// request: token shape (no storage call), CSRF field on POSTs (no storage call, so a refused POST never tells
/// whether a token exists), token lookup (a token only opens what its <see cref="TokenPurpose"/> allows), then the
/// service's state. The unknown-token limit answers misses only: a known link is never refused with 429.
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
        // Stryker disable once String : a message for developers; callers see the exception's type
        if (request.Purpose != TokenPurpose.Survey) throw new ArgumentException("Only a survey token opens the questionnaire.", nameof(request));
        var (found, early) = await ResolveAsync(request, cancellationToken);
        return early ?? await PageForStateAsync(request, found!, cancellationToken);
    }

    public async Task<SurveyPage> SubmitAsync(SurveyRequest request, IReadOnlyDictionary<string, string?> form, CancellationToken cancellationToken)
    {
        // Stryker disable once String : a message for developers; callers see the exception's type
        if (request.Purpose != TokenPurpose.Survey) throw new ArgumentException("Only a survey token answers the questionnaire.", nameof(request));
        var (found, early) = await ResolveAsync(request, cancellationToken, form);
        if (early is not null) return early;
        var page = await PageForStateAsync(request, found!, cancellationToken);
        if (page.State == SurveyPageState.AlreadyAnswered) return await AnsweredAsync(request, found!, form, cancellationToken);
        if (page.State != SurveyPageState.Open) return page;

        var questionnaire = questionnaires.For(found!.Snapshot.Audience);
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
            KtoMetrics.Answered(response.Mode);
            await services.MarkRespondedAsync(service.Ref, response.Answers.Rapportcijfer, cancellationToken);
            return Page(SurveyPageState.Thanks, request, found);
        }
        // A double submit, a second tab or a retry: the first answer counts.
        await CompleteRespondedAsync(service.Ref, cancellationToken);
        return await AnsweredAsync(request, found, form, cancellationToken);
    }

    /// <summary>
    /// Answered already: the same answers sent again (a double click, a retry) get the thank-you page the first got;
    /// other answers are told that only the first answers count.
    /// </summary>
    private async Task<SurveyPage> AnsweredAsync(SurveyRequest request, Found found, IReadOnlyDictionary<string, string?> form, CancellationToken cancellationToken)
    {
        var validation = AnswerValidator.Validate(questionnaires.For(found.Snapshot.Audience), form);
        var stored = validation.IsValid ? await responses.FindAsync(found.Snapshot.Ref, cancellationToken) : null;
        return Page(stored is not null && stored.IsRepeatOf(validation.Answers!, ResponseMode.Web, null) ? SurveyPageState.Thanks : SurveyPageState.AlreadyAnswered,
            request, found);
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

    /// <summary>
    /// The checks that need neither the body nor storage: a malformed token, or one from an address over the limit
    /// that cannot be valid. Functions call this before they read a POST body, so junk is refused unread.
    /// </summary>
    public SurveyPage? Precheck(SurveyRequest request)
    {
        if (SurveyToken.LooksValid(request.Token)) return null;
        return Miss(request, limiter.RetryAfter(request.ClientAddress));
    }

    /// <summary>The token's service, or the page to show instead (neutral, 429, or refused POST).</summary>
    /// <param name="postedForm">The form of a POST that must carry our form field; null for GETs and one-click POSTs.</param>
    /// <remarks>
    /// A known link is answered even when its address is over the limit: the limit keys on an address that many
    /// people may share (an office, a mobile carrier), so it may slow down guessing but never lock out a client.
    /// </remarks>
    private async Task<(Found? Found, SurveyPage? Early)> ResolveAsync(
        SurveyRequest request, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? postedForm = null)
    {
        var wait = limiter.RetryAfter(request.ClientAddress);
        if (!SurveyToken.LooksValid(request.Token)) return (null, Miss(request, wait));

        var hash = SecretKeys.Hash(request.Token!);
        if (postedForm is not null && (request.CrossSite || !formKey.Matches(hash, postedForm.GetValueOrDefault(SurveyFormKey.FieldName))))
            return (null, new SurveyPage(SurveyPageState.Rejected, request.Language));

        var service = await tokens.FindAsync(hash, request.Purpose, cancellationToken);
        var snapshot = service is null ? null : await services.GetAsync(service.Value, cancellationToken);
        if (snapshot is null) return (null, Miss(request, wait));
        return (new Found(request.Token!, hash, request.Purpose, snapshot), null);
    }

    /// <summary>An unknown or malformed link: counted, and the neutral page (429 once the address is over the limit).</summary>
    private SurveyPage Miss(SurveyRequest request, TimeSpan? wait)
    {
        if (wait is not null) return new SurveyPage(SurveyPageState.TooManyRequests, request.Language) { RetryAfter = wait };
        limiter.RecordMiss(request.ClientAddress);
        return new SurveyPage(SurveyPageState.NotFound, request.Language);
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
        // A crash between storing the response and marking the service: finish it now. Only a service whose row
        // says a response may exist is looked up: the row is marked before any response is added.
        if (service.MayHaveResponse && await CompleteRespondedAsync(service.Ref, cancellationToken))
            return Page(SurveyPageState.AlreadyAnswered, request, found);
        if (!policy.IsFieldworkOpen(service.Ref.Year, time.GetUtcNow()))
            return Page(SurveyPageState.FieldworkClosed, request, found);
        return Page(SurveyPageState.Open, request, found) with { Questionnaire = questionnaires.For(service.Audience) };
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
            Token = found.Purpose == TokenPurpose.Survey ? found.Token : null,
            OptOutToken = found.Purpose == TokenPurpose.OptOut ? found.Token : null,
            Service = found.Snapshot,
            FormKey = formKey.For(found.TokenHash),
            FieldworkCloses = policy.FieldworkCloses(found.Snapshot.Ref.Year),
        };

    private sealed record Found(string Token, string TokenHash, TokenPurpose Purpose, ServiceSnapshot Snapshot);
}
