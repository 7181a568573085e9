using System.Security.Cryptography.X509Certificates;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// The certificate from a PFX (PKCS#12) file with its private key, e.g. the self-signed bureau certificate that
/// <c>./kto up</c> makes under KTO_DATA. Read once.
/// </summary>
public sealed class FileSigningCertificateSource(string path, string password, TimeProvider time) : ISigningCertificateSource
{
    private readonly Lazy<SigningCertificate> certificate = new(() => Load(path, password, time));

    public Task<SigningCertificate> GetAsync(CancellationToken cancellationToken) => Task.FromResult(certificate.Value);

    private static SigningCertificate Load(string path, string password, TimeProvider time)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"Kto:Signing:CertificatePath: no file at {path}.");
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password.Length == 0 ? null : password,
            X509KeyStorageFlags.EphemeralKeySet);
        var signer = all.FirstOrDefault(c => c.HasPrivateKey)
                     ?? throw new InvalidOperationException($"Kto:Signing:CertificatePath: {path} holds no certificate with a private key.");
        var chain = new X509Certificate2Collection(all.Where(c => !ReferenceEquals(c, signer)).ToArray());
        return SigningCertificate.Checked(signer, chain, time.GetUtcNow(), path);
    }
}
