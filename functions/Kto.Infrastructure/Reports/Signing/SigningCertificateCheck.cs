using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>
/// Loads the signing certificate at start-up, so a missing file, a wrong password, a certificate without private
/// key or one Key Vault does not give us stops the host at once instead of failing the first signing.
/// </summary>
public sealed class SigningCertificateCheck(ISigningCertificateSource source, ILogger<SigningCertificateCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var signing = await source.GetAsync(cancellationToken);
        logger.LogInformation("Reports are signed with certificate {Subject} (SHA-256 thumbprint {Thumbprint}, valid until {NotAfter:u}).",
            signing.Certificate.Subject, signing.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), signing.Certificate.NotAfter);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
