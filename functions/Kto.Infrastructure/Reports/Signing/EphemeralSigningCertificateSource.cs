using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// A throw-away self-signed certificate made in memory at start-up, for development and tests when no
/// certificate is configured (never in production: the start-up check refuses it there).
/// </summary>
public sealed class EphemeralSigningCertificateSource(string bureau, TimeProvider time) : ISigningCertificateSource
{
    private readonly Lazy<SigningCertificate> certificate = new(() => Create(bureau, time.GetUtcNow()));

    public Task<SigningCertificate> GetAsync(CancellationToken cancellationToken) => Task.FromResult(certificate.Value);

    /// <summary>A self-signed RSA-3072 certificate for digital signatures, named after the bureau.</summary>
    public static SigningCertificate Create(string bureau, DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName((bureau.Length == 0 ? "Onderzoeksbureau" : bureau) + " (tijdelijk, niet vertrouwd)");
        name.AddOrganizationName(bureau.Length == 0 ? "Onderzoeksbureau" : bureau);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        // Exported and loaded again: a certificate from CreateSelfSigned keeps its key in a form not every platform signs with.
        var certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
        return SigningCertificate.Checked(certificate, [], now, "a certificate made at start-up");
    }
}
