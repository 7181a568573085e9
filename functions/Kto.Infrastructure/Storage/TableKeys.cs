namespace Kto.Infrastructure.Storage;

/// <summary>Partition and row keys, in one place: services of a company and year share a partition.</summary>
public static class TableKeys
{
    public const string CompanyPartition = "company";

    public static string CompanyYear(string company, int year) => $"{company}_{year}";

    /// <summary>OData filter literal: single quotes doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
