namespace Kto.Core.Backup;

/// <summary>A blob as the stack lists it: its name and content type (kept so a restored PDF is served as one).</summary>
public sealed record StoredBlob(string Name, string? ContentType);
