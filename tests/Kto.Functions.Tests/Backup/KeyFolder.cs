using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kto.Infrastructure.Backup;

namespace Kto.Functions.Tests.Backup;

/// <summary>A KTO_DATA folder with the keys ./kto up keeps there, and the settings a stack reads them as.</summary>
public sealed class KeyFolder : IDisposable
{
    public string Path { get; } = TestTemp.Folder("kto-data-");

    /// <summary>Keys as ./kto up makes them: 32 random bytes in base64 for the form and session keys, a PFX without password.</summary>
    public static KeyFolder WithNewKeys()
    {
        var folder = new KeyFolder();
        System.IO.File.WriteAllText(folder.File(LocalKeyFolder.SurveyFormKey), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        System.IO.File.WriteAllText(folder.File(LocalKeyFolder.PortalSessionKey), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Testbureau Onderzoek (backup), O=Testbureau Onderzoek", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = folder.File(LocalKeyFolder.SigningCertificate);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(pfx)!);
        System.IO.File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, ""));
        return folder;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The settings ./kto up passes its host from these files.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Kto:Survey:FormKey"] = System.IO.File.ReadAllText(File(LocalKeyFolder.SurveyFormKey)),
        ["Kto:Portal:SessionKey"] = System.IO.File.ReadAllText(File(LocalKeyFolder.PortalSessionKey)),
        ["Kto:Signing:CertificatePath"] = File(LocalKeyFolder.SigningCertificate),
        ["Kto:Signing:CertificatePassword"] = "",
    };

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
