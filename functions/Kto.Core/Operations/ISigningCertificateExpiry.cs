namespace Kto.Core.Operations;

/// <summary>When the certificate that signs reports stops being valid (the adapter reads the certificate in use).</summary>
public interface ISigningCertificateExpiry
{
    Task<DateTimeOffset> ValidUntilAsync(CancellationToken cancellationToken);
}
