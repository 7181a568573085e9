using Kto.Core.Operations;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>The end of validity of the certificate the signer uses now (the source caches it and follows a renewal).</summary>
public sealed class SigningCertificateExpiry(ISigningCertificateSource source) : ISigningCertificateExpiry
{
    public async Task<DateTimeOffset> ValidUntilAsync(CancellationToken cancellationToken) =>
        new((await source.GetAsync(cancellationToken)).Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
}
