using Kto.Core.Companies;
using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>The company a company page (deliveries, receipt, progress) is about, with the links between those pages.</summary>
public sealed record CompanyLinks(string Id, string Name, string DeliveriesUrl, string ProgressUrl)
{
    public static CompanyLinks Of(Company company) =>
        new(company.Id, company.Name, PortalUrls.Company(company.Id), PortalUrls.Progress(company.Id));
}
