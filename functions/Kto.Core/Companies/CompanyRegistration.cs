namespace Kto.Core.Companies;

/// <summary>The outcome of a registration: the company and its key (shown once), or why it was refused.</summary>
public sealed record CompanyRegistration(Company? Company, string? Key, RegistrationError? Error)
{
    public static CompanyRegistration Failed(RegistrationError error) => new(null, null, error);
}
