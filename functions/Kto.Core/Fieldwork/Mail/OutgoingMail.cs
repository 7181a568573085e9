namespace Kto.Core.Fieldwork;

/// <summary>A composed mail to one client: both parts, and the one-click opt-out address (RFC 8058).</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html, string UnsubscribeUrl);
