using System.Security.Cryptography.X509Certificates;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>The bureau's X.509 certificate with its private key, from a file or from Key Vault (<c>Kto:Signing:Source</c>).</summary>
public interface ISigningCertificateSource
{
    /// <summary>The certificate (with private key) and the chain above it, if the source holds one.</summary>
    Task<SigningCertificate> GetAsync(CancellationToken cancellationToken);
}
