namespace Kto.Core.Settings;

/// <summary>The bureau's signing certificate for report PDFs (configuration section <c>Kto:Signing</c>).</summary>
public sealed class SigningSettings
{
    public const string Section = "Signing";

    public const string FileSource = "File";
    public const string KeyVaultSource = "KeyVault";

    /// <summary>
    /// Where the certificate comes from: <c>File</c> (a PFX with its private key, e.g. the self-signed one
    /// <c>./kto up</c> makes) or <c>KeyVault</c> (a Key Vault certificate object, read with the app's identity).
    /// </summary>
    public string Source { get; set; } = FileSource;

    /// <summary>
    /// <c>File</c>: path of the PFX (PKCS#12) file. Empty outside production: a throw-away self-signed certificate
    /// made at start-up (with a warning); production refuses to start without a certificate.
    /// </summary>
    public string CertificatePath { get; set; } = "";

    /// <summary><c>File</c>: the PFX's password; empty for none.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary><c>KeyVault</c>: the vault, e.g. https://kv-kto-prod.vault.azure.net/.</summary>
    public string KeyVaultUri { get; set; } = "";

    /// <summary><c>KeyVault</c>: the name of the certificate object in the vault.</summary>
    public string CertificateName { get; set; } = "";

    /// <summary>
    /// The RFC 3161 timestamp authority (TSA) that puts a trusted time on every report signature (PAdES B-T), e.g.
    /// http://127.0.0.1:3161 (the local one <c>./kto up</c> starts). Empty: no timestamp (PAdES B-B). When the authority
    /// gives no valid timestamp, the report is not signed (the request fails with <c>timestamp-unavailable</c>).
    /// </summary>
    public string TimestampUrl { get; set; } = "";
}
