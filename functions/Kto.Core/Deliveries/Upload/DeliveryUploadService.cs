using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// A company uploads its monthly export: it goes into the <see cref="IDeliveryInbox"/>, where ingest picks it up.
/// A file over the size limit is not stored but still gets a receipt that refuses it. Both go to the audit log with
/// who uploaded (a person in the portal, or an API key).
/// </summary>
public sealed class DeliveryUploadService(
    ICompanyStore companies, IDeliveryInbox inbox, DeliveryIngestService ingest, DeliverySettings settings, IAuditLog audit, TimeProvider time)
{
    /// <param name="actor">Who uploads, for the audit log: a user's e-mail address or <see cref="AuditActions.ApiKey"/>.</param>
    /// <param name="declaredLength">The request's Content-Length, when it has one: a file declared too large is refused unread.</param>
    public async Task<DeliveryUpload> UploadAsync(string actor, string company, string fileName, Stream body, long? declaredLength,
        CancellationToken cancellationToken)
    {
        var upload = await StoreAsync(company, fileName, body, declaredLength, cancellationToken);
        if (upload.Outcome is DeliveryUploadOutcome.Stored or DeliveryUploadOutcome.TooLarge)
            await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actor, AuditActions.Upload, company,
                upload.Outcome == DeliveryUploadOutcome.TooLarge ? $"{fileName} (te groot, geweigerd)" : fileName), cancellationToken);
        return upload;
    }

    private async Task<DeliveryUpload> StoreAsync(string company, string fileName, Stream body, long? declaredLength, CancellationToken cancellationToken)
    {
        if (await companies.GetAsync(company, cancellationToken) is null) return new DeliveryUpload(DeliveryUploadOutcome.UnknownCompany);
        if (!DeliveryFileName.IsValid(fileName)) return new DeliveryUpload(DeliveryUploadOutcome.InvalidName);

        var stored = declaredLength > settings.MaxFileBytes
            ? InboxOutcome.TooLarge
            : await inbox.StoreAsync(company, fileName, body, settings.MaxFileBytes, cancellationToken);
        return stored switch
        {
            InboxOutcome.Exists => new DeliveryUpload(DeliveryUploadOutcome.NameTaken),
            InboxOutcome.TooLarge => new DeliveryUpload(DeliveryUploadOutcome.TooLarge, await ingest.RefuseTooLargeAsync(company, fileName, cancellationToken)),
            _ => new DeliveryUpload(DeliveryUploadOutcome.Stored),
        };
    }
}
