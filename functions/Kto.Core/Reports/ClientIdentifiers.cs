namespace Kto.Core.Reports;

/// <summary>
/// What the redactor knows of a company's clients for one year: every client's delivered name parts (by service id,
/// so only a client's own name is taken out of their answer) and every klantnummer of the company. Read from the
/// contact data while it is kept; empty once the retention clean-up has removed it.
/// </summary>
public sealed record ClientIdentifiers(
    IReadOnlyDictionary<string, IReadOnlyList<string>> NamePartsByService,
    IReadOnlyCollection<string> Klantnummers)
{
    public static ClientIdentifiers None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);

    public IReadOnlyList<string> NamePartsOf(string serviceId) => NamePartsByService.GetValueOrDefault(serviceId) ?? [];
}
