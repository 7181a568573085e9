namespace Kto.Core.Deliveries;

/// <summary>The result of <see cref="DeliveryUploadService.UploadAsync"/>; <paramref name="Refusal"/> is the receipt of a file too large.</summary>
public sealed record DeliveryUpload(DeliveryUploadOutcome Outcome, Receipt? Refusal = null);
