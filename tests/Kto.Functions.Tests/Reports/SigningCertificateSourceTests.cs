using System.Security.Cryptography.X509Certificates;
using Kto.Core.Settings;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Reports.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kto.Functions.Tests.Reports;

/// <summary>The choice of signing certificate (<c>Kto:Signing</c>) and the checks that stop a host at start-up.</summary>
public sealed class SigningCertificateSourceTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    private static ISigningCertificateSource Create(SigningSettings signing, string environment = "Development") =>
        SigningCertificateSources.Create(signing, new KtoSettings { Environment = environment }, new BureauSettings { Name = "Bureau" },
            NoConfiguration, TimeProvider.System, NullLogger.Instance);

    [Fact]
    public async Task A_pfx_file_with_its_password_gives_the_certificate_with_its_private_key()
    {
        var path = TestSigningCertificate.WritePfx();
        try
        {
            var source = Create(new SigningSettings { Source = "File", CertificatePath = path, CertificatePassword = TestSigningCertificate.Password });
            Assert.IsType<FileSigningCertificateSource>(source);
            var signing = await source.GetAsync(CancellationToken.None);
            Assert.True(signing.Certificate.HasPrivateKey);
            Assert.Equal(TestSigningCertificate.CommonName, signing.Certificate.GetNameInfo(X509NameType.SimpleName, false));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_wrong_password_a_missing_file_or_a_certificate_without_private_key_is_refused()
    {
        var path = TestSigningCertificate.WritePfx();
        var publicOnly = TestTemp.File($"kto-public-{Guid.NewGuid():N}.pfx");
        try
        {
            await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() =>
                Create(new SigningSettings { CertificatePath = path, CertificatePassword = "wrong" }).GetAsync(CancellationToken.None));

            var missing = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Create(new SigningSettings { CertificatePath = path + ".nope" }).GetAsync(CancellationToken.None));
            Assert.Contains("Kto:Signing:CertificatePath", missing.Message);

            using (var full = X509CertificateLoader.LoadPkcs12FromFile(path, TestSigningCertificate.Password))
            using (var certOnly = X509CertificateLoader.LoadCertificate(full.RawData))
                File.WriteAllBytes(publicOnly, certOnly.Export(X509ContentType.Pfx));
            var noKey = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Create(new SigningSettings { CertificatePath = publicOnly }).GetAsync(CancellationToken.None));
            Assert.Contains("private key", noKey.Message);
        }
        finally
        {
            File.Delete(path);
            File.Delete(publicOnly);
        }
    }

    [Fact]
    public void Key_Vault_needs_its_uri_and_certificate_name_and_an_unknown_source_is_refused()
    {
        var incomplete = Assert.Throws<InvalidOperationException>(() => Create(new SigningSettings { Source = "KeyVault", KeyVaultUri = "https://kv.vault.azure.net/" }));
        Assert.Contains("Kto:Signing:CertificateName", incomplete.Message);
        Assert.IsType<KeyVaultSigningCertificateSource>(Create(new SigningSettings
        {
            Source = "KeyVault", KeyVaultUri = "https://kv.vault.azure.net/", CertificateName = "kto-report-signing",
        }));
        Assert.Throws<InvalidOperationException>(() => Create(new SigningSettings { Source = "Pfx" }));
    }

    [Fact]
    public async Task Without_a_certificate_development_makes_a_throw_away_one_and_production_refuses_to_start()
    {
        var source = Create(new SigningSettings());
        Assert.IsType<EphemeralSigningCertificateSource>(source);
        Assert.True((await source.GetAsync(CancellationToken.None)).Certificate.HasPrivateKey);

        var production = Assert.Throws<InvalidOperationException>(() => Create(new SigningSettings(), "Production"));
        Assert.Contains("production", production.Message);
    }
}
