using Kto.Core.Companies;

namespace Kto.Functions.Portal;

/// <summary>The company a page is about, as company-header.liquid and the page titles read it.</summary>
public sealed record CompanyHeading(string Id, string Name)
{
    public static CompanyHeading Of(Company company) => new(company.Id, company.Name);
}
