namespace Kto.Core.Keurmerk;

/// <summary>Reads the opdrachtgevers of a company and year once and counts them (<see cref="KeurmerkFigures.Opdrachtgevers"/>): for the Keurmerk report and for progress.</summary>
public sealed class OpdrachtgeverFiguresService(IOpdrachtgeverStore opdrachtgevers)
{
    public async Task<KeurmerkOpdrachtgevers> ForYearAsync(string company, int year, CancellationToken cancellationToken)
    {
        var list = await opdrachtgevers.ListAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        if (list.Count == 0) return KeurmerkFigures.Opdrachtgevers(list, [], []);
        var attempts = await opdrachtgevers.AttemptsAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var responses = await opdrachtgevers.ResponsesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        return KeurmerkFigures.Opdrachtgevers(list, attempts, responses);
    }
}
