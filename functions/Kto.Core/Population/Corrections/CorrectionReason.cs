namespace Kto.Core.Population;

/// <summary>
/// Why the bureau changed a delivered service. The first three withdraw a service, the others say where the
/// corrected perceel or end date came from. <see cref="CorrectionReasons"/> has the names and which kind takes which.
/// </summary>
public enum CorrectionReason
{
    WrongCompany,
    WrongPerceel,
    NotEnded,
    DeliveryError,
    ClientStatement,
    UwvRecord,
}
