namespace Kto.Core.Fieldwork;

/// <summary>The offline list of a company and year as a CSV file (<see cref="OfflineContactsCsv"/>), and how many clients it has.</summary>
public sealed record OfflineContactsExport(byte[] Csv, int Count);
