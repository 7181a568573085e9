namespace Kto.Functions.Portal;

/// <summary>message.liquid: a heading, a text and an optional link (not found, refused, done).</summary>
public sealed record MessagePage(string Heading, string Text, string? LinkUrl = null, string? LinkText = null);
