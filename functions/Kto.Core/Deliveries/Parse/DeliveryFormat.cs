namespace Kto.Core.Deliveries;

/// <summary>The file formats the delivery contract accepts.</summary>
internal enum DeliveryFormat
{
    Csv,
    Xlsx,
}
