
namespace Kto.Functions.Portal;

/// <summary>The portal's words for a letter or call the rules refuse (ManualAttemptService), shared by the fieldwork and call pages.</summary>
public static class AttemptRefusals
{
    public const string OutsideCallingHours = "Het is nu geen beltijd. Er is niets vastgelegd.";

    public const string CallingEnded = "Deze cliënt wordt niet meer gebeld: geweigerd, een verkeerd nummer, of het maximum aantal pogingen. Er is niets vastgelegd.";

    /// <summary>409 for a refusal by the rules (the request was fine, the moment or the client's state is not); 422 for a form to correct.</summary>
    public static int Status(string error) =>
        error is OutsideCallingHours or CallingEnded ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
}
