namespace Kto.Infrastructure.Reports.Signing;

/// <summary>The visible signature field: where on the last page (PDF points, origin bottom left) and what it says.</summary>
public sealed record SignatureField(string Name, PdfRect Rect, string SignerName, string Reason, DateTimeOffset SignedAt);
