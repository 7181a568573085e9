using System.Security.Cryptography.X509Certificates;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>A signing certificate with its private key, and the issuing certificates to embed with it.</summary>
public sealed record SigningCertificate(X509Certificate2 Certificate, X509Certificate2Collection Chain)
{
    /// <summary>Refuses a certificate that cannot sign: no private key, or outside its validity period.</summary>
    public static SigningCertificate Checked(X509Certificate2 certificate, X509Certificate2Collection chain, DateTimeOffset now, string from)
    {
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"The signing certificate from {from} has no private key.");
        if (now < certificate.NotBefore || now > certificate.NotAfter)
            throw new InvalidOperationException($"The signing certificate from {from} ({certificate.Subject}) is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now.");
        return new SigningCertificate(certificate, chain);
    }
}
