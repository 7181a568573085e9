namespace Kto.Core.Operations;

/// <summary>
/// Something in the running system that needs a person: what (<see cref="Kind"/>, <see cref="Text"/> in Dutch), since
/// when, for which company (null: the whole system), and where to look. The same conditions as the Azure alerts, so a
/// bureau without access to Azure sees them on its overview.
/// </summary>
public sealed record AttentionItem(AttentionKind Kind, DateTimeOffset? Since, string? CompanyId, string Text, string? Link);

public enum AttentionKind
{
    /// <summary>A delivery ended in a refused-as-broken or <c>ingest-failed</c> receipt: the company must deliver again.</summary>
    IngestFailed,

    /// <summary>A mail run failed as a whole, or stopped because the mail server could not be reached.</summary>
    MailRunFailed,

    /// <summary>No complete nightly snapshot in the last <see cref="AttentionService.BackupMaxAge"/> (or no backup account).</summary>
    BackupMissing,

    /// <summary>The certificate that signs reports expires within <see cref="AttentionService.CertificateWarning"/>.</summary>
    CertificateExpiring,
}
