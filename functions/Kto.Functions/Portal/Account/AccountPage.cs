namespace Kto.Functions.Portal;

/// <summary>account.liquid: the signed-in person's account and their digest choice.</summary>
public sealed record AccountPage(string Email, bool IsBureau, string? Company, bool Digest, bool Saved);
