namespace Kto.Core.Accounts;

/// <summary>A signed-in browser: stored by the SHA-256 of its id, which only the cookie carries.</summary>
public sealed record PortalSession(string IdHash, string Email, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);
