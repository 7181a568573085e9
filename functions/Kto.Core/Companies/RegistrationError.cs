namespace Kto.Core.Companies;

/// <summary>Why a company was not registered.</summary>
public enum RegistrationError
{
    /// <summary>The id breaks the <see cref="CompanyId"/> rules.</summary>
    InvalidId,
    /// <summary>No name, or one longer than 200 characters.</summary>
    InvalidName,
    /// <summary>The id is taken; nothing was changed.</summary>
    CompanyExists,
}
