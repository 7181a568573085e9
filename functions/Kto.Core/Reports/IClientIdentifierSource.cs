namespace Kto.Core.Reports;

/// <summary>Reads the name parts and klantnummers of a company's clients for one year, for the redactor only.</summary>
public interface IClientIdentifierSource
{
    Task<ClientIdentifiers> ForYearAsync(string company, int year, CancellationToken cancellationToken);
}
