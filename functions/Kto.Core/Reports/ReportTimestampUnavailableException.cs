namespace Kto.Core.Reports;

/// <summary>
/// The configured timestamp authority gave no valid timestamp for a report signature. The report is then not signed
/// at all: a bureau that asked for signatures with a trusted time (PAdES B-T) does not expect a signed report without one.
/// </summary>
/// <param name="Authority">The authority's host (no path or query: those may carry an access key).</param>
public sealed class ReportTimestampUnavailableException(string authority, string reason, Exception? inner = null)
    : Exception($"The timestamp authority {authority} gave no timestamp: {reason}", inner)
{
    public string Authority { get; } = authority;
}
