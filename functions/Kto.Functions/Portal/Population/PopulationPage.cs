using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>population.liquid: a company's services (the first ones, or those found), each with its corrections and the forms to correct it.</summary>
public sealed record PopulationPage(
    CompanyHeading Company,
    int Year,
    string Klantnummer,
    bool Searched,
    int Total,
    bool Cut,
    string? Done,
    PageText? Error,
    List<string> Percelen,
    List<PopulationPage.Reason> WithdrawReasons,
    List<PopulationPage.Reason> CorrectReasons,
    List<PopulationPage.ListedService> Services)
{
    public sealed record Reason(string Value, string Label);

    /// <param name="Service">The service id.</param>
    /// <param name="History">One line per correction.</param>
    public sealed record ListedService(int Index, string Service, string Klantnummer, string Perceel, string Einddatum, bool Withdrawn, List<PageText> History);
}
