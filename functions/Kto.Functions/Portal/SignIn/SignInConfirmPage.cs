namespace Kto.Functions.Portal;

/// <summary>signin-confirm.liquid: the button that uses the mailed sign-in link (a button, so mail scanners do not use it up).</summary>
public sealed record SignInConfirmPage(string LinkToken, string FormToken);
