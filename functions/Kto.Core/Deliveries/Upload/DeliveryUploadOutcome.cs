namespace Kto.Core.Deliveries;

/// <summary>What an upload came to; the API answers each with its own status.</summary>
public enum DeliveryUploadOutcome
{
    Stored,
    UnknownCompany,
    InvalidName,
    /// <summary>A file with this name was delivered before; nothing is replaced.</summary>
    NameTaken,
    /// <summary>Over the size limit: not stored, but refused with a receipt.</summary>
    TooLarge,
}
