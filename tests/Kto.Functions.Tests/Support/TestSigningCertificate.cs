using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kto.Functions.Tests.Support;

/// <summary>A self-signed bureau certificate in a password-protected PFX file, as <c>./kto up</c> makes one.</summary>
public static class TestSigningCertificate
{
    public const string CommonName = "Testbureau Onderzoek (test)";
    public const string Password = "test-pfx-password";

    /// <summary>Writes the PFX to a new temporary file and returns its path.</summary>
    public static string WritePfx()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={CommonName}, O=Testbureau Onderzoek", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = TestTemp.File($"kto-signing-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
