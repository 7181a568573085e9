using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Portal;

namespace Kto.Functions.Companies;

/// <summary>How the API and the portal answer each <see cref="RegistrationError"/>: status, error code and the Dutch text (its values apart, so a page writes it in its language).</summary>
public static class RegistrationAnswers
{
    public static (int Status, string Code, PageText Message) For(RegistrationError error, string? id) => error switch
    {
        RegistrationError.InvalidId => (StatusCodes.Status400BadRequest, "invalid-id",
            "Gebruik voor de id 2 tot 40 kleine letters, cijfers of streepjes, bijvoorbeeld 'acme'."),
        RegistrationError.InvalidName => (StatusCodes.Status400BadRequest, "invalid-name",
            new PageText("Geef de naam van het bedrijf op: hoogstens {0} tekens, {1}.", CompanyService.MaxNameLength, new PageText(NameText.Rule))),
        RegistrationError.CompanyExists => (StatusCodes.Status409Conflict, "company-exists", new PageText("Er is al een bedrijf met id '{0}'.", id)),
        _ => (StatusCodes.Status400BadRequest, "not-registered", "Het bedrijf kon niet worden geregistreerd."),
    };
}
