using Kto.Core.Portal;
using Kto.Core.Accounts;
using Microsoft.DurableTask.Client;
using Kto.Core.Settings;

namespace Kto.Functions.Portal;

/// <summary>The portal's front door: ask for a sign-in link, use it, sign out.</summary>
public sealed class SignInFunction(PortalGate gate, SessionService sessions, SignInService signIn, SurveySettings survey)
{
    [Function(nameof(PortalSignInPage))]
    [PortalPage(PortalAccess.Anyone)]
    public IActionResult PortalSignInPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal")] HttpRequest request)
    {
        var visitor = request.Opening().Visitor;
        if (visitor.User is { } user) return PortalResult.SeeOther(HomeOf(user));
        var notice = request.Query["sessie"] == "verlopen" || visitor.State == SessionState.Ended
            ? "Uw sessie is verlopen of niet meer geldig. Log opnieuw in."
            : request.Query["uit"] == "1" ? "U bent uitgelogd." : null;
        return SignInPage(request, visitor, notice, error: null, email: null, StatusCodes.Status200OK);
    }

    [Function(nameof(PortalRequestLink))]
    [PortalForm(PortalAccess.Anyone)]
    public async Task<IActionResult> PortalRequestLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (visitor, _, form) = request.Opening();
        var email = form.GetValueOrDefault("email")?.Trim();
        var asked = await signIn.RequestLinkAsync(email, ClientAddress.Of(request, survey.TrustedProxies), cancellationToken);
        if (asked.Outcome == LinkRequestOutcome.TooMany)
            return gate.Message(visitor, StatusCodes.Status429TooManyRequests, "Te veel aanvragen",
                "Er zijn vanaf dit adres te veel inloglinks aangevraagd. Wacht een minuut en probeer het opnieuw.", PortalUrls.Home, "Terug naar inloggen")
                .WithRetryAfter(asked.RetryAfter);
        if (asked.Outcome == LinkRequestOutcome.Invalid)
            return SignInPage(request, visitor, null, "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.", email, StatusCodes.Status422UnprocessableEntity);
        // The mail goes out in the background (SignInMailFunctions); not the request's token: it must start even
        // when the visitor closes the page.
        if (asked.QueuedMail is { } queued)
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(SignInMailFunctions.SendSignInMail), queued, CancellationToken.None);
        // The same answer whether or not the address has an account.
        return gate.Message(visitor, StatusCodes.Status200OK, "Kijk in uw mail",
            "Als dit adres een account heeft, hebt u nu een mail met een inloglink. De link werkt één keer en 15 minuten lang. Geen mail gekregen? Kijk in de map met ongewenste mail of vraag over een paar minuten een nieuwe link aan.",
            PortalUrls.Home, "Terug naar inloggen");
    }

    [Function(nameof(PortalSignInLink))]
    [PortalPage(PortalAccess.Public)]
    public IActionResult PortalSignInLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/sign-in")] HttpRequest request)
    {
        // A button, not an automatic sign-in: mail scanners that open links must not use up the single-use link.
        return gate.PreSessionPage(request, token => new PortalView("signin-confirm.liquid", "Inloggen", null, null,
            new SignInConfirmPage(LinkToken: request.Query["t"].ToString(), FormToken: token)));
    }

    [Function(nameof(PortalUseLink))]
    [PortalForm(PortalAccess.Anyone)]
    public async Task<IActionResult> PortalUseLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/sign-in")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, form) = request.Opening();
        var result = await signIn.SignInAsync(form.GetValueOrDefault("t"), cancellationToken);
        return result.Use switch
        {
            SignInLinkUse.Valid => PortalResult.SeeOther(HomeOf(result.User!)).WithCookie(gate.SetSessionCookie(request, result.SessionId!)),
            SignInLinkUse.Expired => gate.Message(visitor, StatusCodes.Status410Gone, "Deze inloglink is verlopen",
                "Een inloglink werkt 15 minuten. Vraag een nieuwe link aan.", PortalUrls.Home, "Nieuwe inloglink aanvragen"),
            SignInLinkUse.AlreadyUsed => gate.Message(visitor, StatusCodes.Status410Gone, "Deze inloglink is al gebruikt",
                "Een inloglink werkt maar één keer. Vraag een nieuwe link aan.", PortalUrls.Home, "Nieuwe inloglink aanvragen"),
            _ => gate.Message(visitor, StatusCodes.Status404NotFound, "Deze inloglink is niet herkend",
                "Controleer of u de hele link uit de mail hebt geopend, of vraag een nieuwe link aan.", PortalUrls.Home, "Nieuwe inloglink aanvragen"),
        };
    }

    [Function(nameof(PortalSignOut))]
    [PortalForm(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalSignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/sign-out")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        await sessions.SignOutAsync(visitor.SessionId!, visitor.User!, cancellationToken);
        return PortalResult.SeeOther(PortalUrls.SignedOut).WithCookie(gate.ClearSessionCookie(request));
    }

    public static string HomeOf(PortalUser user) =>
        user.Role == UserRole.Bureau ? PortalUrls.Bureau : PortalUrls.Company(user.CompanyId!);

    private IActionResult SignInPage(HttpRequest request, Visitor visitor, string? notice, string? error, string? email, int status)
    {
        return gate.PreSessionPage(request, token => new PortalView("signin.liquid", "Inloggen", null, null, new SignInPage(
            Notice: notice,
            Error: error,
            Email: email,
            FormToken: token,
            Errors: error is null ? [] : [error])), status);
    }
}
