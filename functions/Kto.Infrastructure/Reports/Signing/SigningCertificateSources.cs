using Azure.Core;
using Azure.Identity;
using Kto.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Reports.Signing;

/// <summary>Chooses the certificate source from <c>Kto:Signing:Source</c>, refusing an incomplete or unknown choice.</summary>
public static class SigningCertificateSources
{
    public static ISigningCertificateSource Create(SigningSettings signing, KtoSettings kto, BureauSettings bureau, IConfiguration configuration,
        TimeProvider time, ILogger logger)
    {
        switch (signing.Source)
        {
            case var s when s.Equals(SigningSettings.KeyVaultSource, StringComparison.OrdinalIgnoreCase):
                if (!Uri.TryCreate(signing.KeyVaultUri, UriKind.Absolute, out var vault) || signing.CertificateName.Length == 0)
                    throw new InvalidOperationException("Kto:Signing:Source is KeyVault: set Kto:Signing:KeyVaultUri and Kto:Signing:CertificateName.");
                return new KeyVaultSigningCertificateSource(vault, signing.CertificateName, Credential(configuration), time);
            case var s when s.Equals(SigningSettings.FileSource, StringComparison.OrdinalIgnoreCase):
                if (signing.CertificatePath.Length > 0)
                    return new FileSigningCertificateSource(signing.CertificatePath, signing.CertificatePassword, time);
                if (kto.IsProduction)
                    throw new InvalidOperationException("Kto:Signing: production needs the bureau's certificate: Source KeyVault, or File with CertificatePath.");
                logger.LogWarning("Kto:Signing:CertificatePath is not set: reports are signed with a throw-away self-signed certificate made at start-up. " +
                                  "Set a certificate (./kto up makes one under KTO_DATA) to sign with the same certificate every time.");
                return new EphemeralSigningCertificateSource(bureau.Name, time);
            default:
                throw new InvalidOperationException($"Kto:Signing:Source must be {SigningSettings.FileSource} or {SigningSettings.KeyVaultSource}, not '{signing.Source}'.");
        }
    }

    /// <summary>The app's user-assigned identity (the one storage uses), else the default chain (developer sign-in).</summary>
    private static TokenCredential Credential(IConfiguration configuration) =>
        configuration["AzureWebJobsStorage:clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
