namespace Kto.Core.Access;

/// <summary>Who is calling, as far as the presented key tells.</summary>
public sealed record Caller(CallerKind Kind, string? CompanyId = null)
{
    public static Caller Anonymous { get; } = new(CallerKind.Anonymous);
    public static Caller Bureau { get; } = new(CallerKind.Bureau);

    /// <summary>The one rule for company data: the bureau sees all, a company only its own.</summary>
    public bool MaySee(string companyId) =>
        Kind == CallerKind.Bureau || (Kind == CallerKind.Company && CompanyId == companyId);
}

public enum CallerKind { Anonymous, Company, Bureau }
