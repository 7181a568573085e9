using Kto.Core.Companies;

namespace Kto.Infrastructure.Storage;

/// <summary>The one mapper of the companies table: one partition, the company id as row key, the key only as its SHA-256.</summary>
public static class CompanyRows
{
    public const string Name = "Name";
    public const string KeyHash = "KeyHash";
    public const string RegisteredAt = "RegisteredAt";

    public static TableEntity Write(Company company, string keyHash) => new(TableKeys.CompanyPartition, company.Id)
    {
        [Name] = company.Name,
        [KeyHash] = keyHash,
        [RegisteredAt] = company.RegisteredAt,
    };

    /// <summary>A company without a stored name shows its id.</summary>
    public static Company Read(TableEntity e) =>
        new(e.RowKey, e.GetString(Name) ?? e.RowKey, e.GetDateTimeOffset(RegisteredAt) ?? DateTimeOffset.MinValue);

    public static string? KeyHashOf(TableEntity e) => e.GetString(KeyHash);
}
