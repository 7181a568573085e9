namespace Kto.Core.Deliveries;

/// <summary>
/// Columns never taken for BSNs: a phone number stored without its 0 has nine digits too, and so can a date.
/// The file check (keep the raw file or not) and the row check (refuse the row) both leave them out.
/// </summary>
internal static class BsnExemptFields
{
    public static bool Contains(DeliveryField field) =>
        field is DeliveryField.Telefoon or DeliveryField.Startdatum or DeliveryField.Einddatum or DeliveryField.Jaar;
}
