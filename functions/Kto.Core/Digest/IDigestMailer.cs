namespace Kto.Core.Digest;

/// <summary>Renders and sends the digest and the delivery reminder (mail templates, the SMTP sender).</summary>
public interface IDigestMailer
{
    /// <returns>Whether the mail server took the mail.</returns>
    Task<bool> SendDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken);

    /// <returns>Whether the mail server took the mail.</returns>
    Task<bool> SendDeliveryReminderAsync(DeliveryReminder reminder, CancellationToken cancellationToken);
}
