using Azure.Core;
using Azure.Security.KeyVault.Certificates;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// The bureau's certificate from Azure Key Vault: the certificate object's current version with its private key
/// (<see cref="CertificateClient.DownloadCertificateAsync(string, string, CancellationToken)"/> reads the certificate's
/// secret), read with the app's managed identity (role Key Vault Certificate User). The private key is never in an
/// app setting or the repository. Read again after an hour, so a renewed certificate is picked up without a restart.
/// </summary>
public sealed class KeyVaultSigningCertificateSource(Uri vault, string name, TokenCredential credential, TimeProvider time) : ISigningCertificateSource
{
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);
    private readonly CertificateClient client = new(vault, credential);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (SigningCertificate Certificate, DateTimeOffset ReadAt)? cached;

    public async Task<SigningCertificate> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } c && time.GetUtcNow() - c.ReadAt < Refresh) return c.Certificate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && time.GetUtcNow() - again.ReadAt < Refresh) return again.Certificate;
            var downloaded = await client.DownloadCertificateAsync(name, cancellationToken: cancellationToken);
            var certificate = SigningCertificate.Checked(downloaded.Value, [], time.GetUtcNow(), $"Key Vault certificate '{name}'");
            cached = (certificate, time.GetUtcNow());
            return certificate;
        }
        finally
        {
            gate.Release();
        }
    }
}
