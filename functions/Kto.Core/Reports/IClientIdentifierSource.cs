using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>Reads the name parts and klantnummers of a company's clients for one year, for the redactor only.</summary>
public interface IClientIdentifierSource
{
    Task<ClientIdentifiers> ForYearAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>One client's own name parts and klantnummer (what redacting an answer as it is stored needs).</summary>
    async Task<ClientIdentifiers> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var all = await ForYearAsync(service.Company, service.Year, cancellationToken);
        return new ClientIdentifiers(new Dictionary<string, IReadOnlyList<string>> { [service.ServiceId] = all.NamePartsOf(service.ServiceId) }, all.Klantnummers);
    }
}
