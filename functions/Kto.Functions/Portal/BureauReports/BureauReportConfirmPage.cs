namespace Kto.Functions.Portal;

/// <summary>bureau-report-confirm.liquid: the last step before signing, listing what is not in order.</summary>
public sealed record BureauReportConfirmPage(
    CompanyHeading Company, int Year, string Draft, string? Conclusion, string Signer, IReadOnlyList<string> NotInOrder);
