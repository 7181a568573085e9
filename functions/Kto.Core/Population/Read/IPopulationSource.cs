namespace Kto.Core.Population;

/// <summary>
/// The services of one company and year as delivered (no corrections applied, no contact data), each with its contact
/// state, in one read: what <see cref="PopulationReader"/> needs of the services partition.
/// </summary>
public interface IPopulationSource
{
    IAsyncEnumerable<PopulationRow> ServicesAsync(string company, int year, CancellationToken cancellationToken);
}
