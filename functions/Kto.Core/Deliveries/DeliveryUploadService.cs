using Kto.Core.Companies;
using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// A company uploads its monthly export: it goes into the <see cref="IDeliveryInbox"/>, where ingest picks it up.
/// A file over the size limit is not stored but still gets a receipt that refuses it.
/// </summary>
public sealed class DeliveryUploadService(ICompanyStore companies, IDeliveryInbox inbox, DeliveryIngestService ingest, DeliverySettings settings)
{
    /// <param name="declaredLength">The request's Content-Length, when it has one: a file declared too large is refused unread.</param>
    public async Task<DeliveryUpload> UploadAsync(string company, string fileName, Stream body, long? declaredLength, CancellationToken cancellationToken)
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
