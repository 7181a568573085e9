namespace Kto.Core.Fieldwork;

/// <summary>How much of the send limits is in use right now: mails in the last minute and hour against the limits.</summary>
public sealed record ThrottleUse(int LastMinute, int MaxPerMinute, int LastHour, int MaxPerHour);
