using Kto.Core.Fieldwork;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>
/// One company's year as progress, the report and the forecast count it, read once (<see cref="PopulationReader"/>):
/// the services with the bureau's corrections applied (withdrawn ones left out), their contact state, the offline
/// route of those e-mail cannot reach, the corrections themselves (the report's method section), the attempts and the
/// responses as stored. No contact data: a route is all that is kept of a contact row.
/// </summary>
/// <param name="States">Per service id its contact state; a service the source gave no state for is missing.</param>
/// <param name="Routes">Per service id without usable e-mail whose contact data still exists, the route that reaches it.</param>
public sealed record YearPopulation(
    string Company,
    int Year,
    IReadOnlyList<ReportServiceRow> Services,
    IReadOnlyDictionary<string, ContactState> States,
    IReadOnlyDictionary<string, OfflineRoute> Routes,
    IReadOnlyList<ServiceCorrection> Corrections,
    IReadOnlyList<ContactAttempt> Attempts,
    IReadOnlyList<StoredResponse> Responses)
{
    /// <summary>Services no route reaches: no usable e-mail and, by <see cref="OfflineRoutes"/>, neither address nor phone. A service whose contact data is gone is not counted.</summary>
    public IReadOnlySet<string> Unreachable =>
        Routes.Where(r => r.Value == OfflineRoute.Unreachable).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
}
