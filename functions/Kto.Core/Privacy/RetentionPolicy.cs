using Kto.Core.Fieldwork;
using Kto.Core.Settings;

namespace Kto.Core.Privacy;

/// <summary>
/// How long personal data is kept: contact data until <see cref="BureauSettings.ContactRetentionDays"/> after the
/// fieldwork of its year closed (the report needs none of it); raw delivery files for
/// <see cref="DeliverySettings.RawFileRetentionDays"/> after upload (enough to answer a company's questions).
/// </summary>
public sealed class RetentionPolicy(ContactPolicy contactPolicy, BureauSettings bureau, DeliverySettings delivery)
{
    public bool ContactsExpired(int year, DateTimeOffset now) =>
        DutchTime.ToDutch(now).Date > contactPolicy.FieldworkCloses(year).ToDateTime(TimeOnly.MinValue).AddDays(bureau.ContactRetentionDays);

    public DateTimeOffset RawFilesUploadedBefore(DateTimeOffset now) => now.AddDays(-delivery.RawFileRetentionDays);
}
