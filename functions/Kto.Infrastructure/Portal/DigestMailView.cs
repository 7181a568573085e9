using Kto.Core.Digest;

namespace Kto.Infrastructure.Portal;

/// <summary>What the weekly digest reads beside <see cref="PortalMailView"/>; <see cref="Single"/> is a company user's own company.</summary>
public sealed record DigestMailView(string Week, int Year, IReadOnlyList<CompanyDigest> Companies, int AtRisk, CompanyDigest? Single);
