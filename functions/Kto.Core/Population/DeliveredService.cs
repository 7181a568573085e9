using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>A service as its delivery brought it; <paramref name="Klantnummer"/> is null once contact data is deleted.</summary>
public sealed record DeliveredService(ServiceRef Ref, Perceel Perceel, DateOnly Einddatum, string? Klantnummer);
