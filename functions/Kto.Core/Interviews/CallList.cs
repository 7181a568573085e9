using Kto.Core.Fieldwork;

namespace Kto.Core.Interviews;

/// <summary>The clients to call for one company and year, in the order to call them.</summary>
/// <param name="CallingTime">Now within the calling hours; outside them the list is shown read-only.</param>
/// <param name="CallingHours">The calling hours (the API writes them in Dutch: "van 9:00 tot 20:00 uur, niet op zondag").</param>
public sealed record CallList(string Company, int Year, bool CallingTime, CallingHours CallingHours, int MaxCallAttempts, IReadOnlyList<CallListEntry> Clients);
