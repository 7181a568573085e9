using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the tokens table: token hash to service, partitioned by the hash's first two hex digits to
/// spread the load. Opt-out tokens carry <c>Purpose = optout</c>; rows without it (all rows written before opt-out
/// tokens existed) are survey tokens. A letter's short code is a row of its own here too (<c>Purpose = code</c>, key =
/// HMAC-SHA256 of the code, <c>SurveyFormKey.CodeHash</c>), so retention removes codes with the links of their year.
/// </summary>
public static class TokenRows
{
    public const string Company = "Company";
    public const string Year = "Year";
    public const string ServiceId = "ServiceId";
    public const string Purpose = "Purpose";
    private const string OptOutPurpose = "optout";
    private const string ShortCodePurpose = "code";

    /// <summary>What retention reads to find the tokens of an expired year.</summary>
    public static readonly IReadOnlyList<string> RetentionColumns = ["PartitionKey", "RowKey", Year];

    public static string PartitionOf(string tokenHash) => tokenHash[..2];

    public static TableEntity Write(string tokenHash, ServiceRef service, TokenPurpose purpose)
    {
        var entity = new TableEntity(PartitionOf(tokenHash), tokenHash)
        {
            [Company] = service.Company,
            [Year] = service.Year,
            [ServiceId] = service.ServiceId,
        };
        if (purpose == TokenPurpose.OptOut) entity[Purpose] = OptOutPurpose;
        if (purpose == TokenPurpose.ShortCode) entity[Purpose] = ShortCodePurpose;
        return entity;
    }

    public static (ServiceRef Service, TokenPurpose Purpose) Read(TableEntity e) =>
        (new ServiceRef(e.GetString(Company), e.GetInt32(Year) ?? 0, e.GetString(ServiceId)),
         e.GetString(Purpose) switch
         {
             OptOutPurpose => TokenPurpose.OptOut,
             ShortCodePurpose => TokenPurpose.ShortCode,
             _ => TokenPurpose.Survey,
         });
}
