namespace Kto.Core.Portal;

/// <summary>One delivered file as the deliveries page lists it; <see cref="Status"/> null while it is being processed.</summary>
public sealed record DeliveryEntry(
    string File,
    DateTimeOffset ReceivedAt,
    string? Status,
    int Rows,
    int Accepted,
    int Duplicates,
    int Rejected);
