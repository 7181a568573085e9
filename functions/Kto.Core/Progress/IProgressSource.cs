namespace Kto.Core.Progress;

/// <summary>Reads the state of every service of a company in a year.</summary>
public interface IProgressSource
{
    IAsyncEnumerable<ServiceState> ServicesAsync(string company, int year, CancellationToken cancellationToken);
}
