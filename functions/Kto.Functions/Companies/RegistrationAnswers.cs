using Kto.Core;
using Kto.Core.Companies;

namespace Kto.Functions.Companies;

/// <summary>How the API and the portal answer each <see cref="RegistrationError"/>: status, error code and the Dutch text.</summary>
public static class RegistrationAnswers
{
    public static (int Status, string Code, string Message) For(RegistrationError error, string? id) => error switch
    {
        RegistrationError.InvalidId => (StatusCodes.Status400BadRequest, "invalid-id",
            "Gebruik voor de id 2 tot 40 kleine letters, cijfers of streepjes, bijvoorbeeld 'acme'."),
        RegistrationError.InvalidName => (StatusCodes.Status400BadRequest, "invalid-name",
            $"Geef de naam van het bedrijf op: hoogstens {CompanyService.MaxNameLength} tekens, {NameText.Rule}."),
        RegistrationError.CompanyExists => (StatusCodes.Status409Conflict, "company-exists", $"Er is al een bedrijf met id '{id}'."),
        _ => (StatusCodes.Status400BadRequest, "not-registered", "Het bedrijf kon niet worden geregistreerd."),
    };
}
