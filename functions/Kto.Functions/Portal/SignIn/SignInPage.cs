namespace Kto.Functions.Portal;

/// <summary>signin.liquid: the form asking for a sign-in link. <see cref="Errors"/> also tells the frame to say "Fout:" in the title.</summary>
public sealed record SignInPage(string? Notice, string? Error, string? Email, string FormToken, List<string> Errors);
