namespace Kto.Infrastructure.Portal;

/// <summary>What every portal mail (welcome, digest, delivery reminder) reads, by snake_case name (<c>IsBureau</c> → <c>is_bureau</c>).</summary>
public sealed record PortalMailView(string? Name, string? Email, string Portal, string AccountUrl, bool IsBureau, string Bureau, string QuestionsEmail);
