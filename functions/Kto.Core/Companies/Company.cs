namespace Kto.Core.Companies;

/// <summary>A re-integration company registered by the bureau.</summary>
public sealed record Company(string Id, string Name, DateTimeOffset RegisteredAt);
