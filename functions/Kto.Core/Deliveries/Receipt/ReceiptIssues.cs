namespace Kto.Core.Deliveries;

/// <summary>
/// The rejections or warnings of one receipt: the first <c>maxPerCode</c> of each code, and how many of each there
/// were. A file of a million bad rows then still gets a receipt of a few kilobytes.
/// </summary>
public sealed class ReceiptIssues(int maxPerCode)
{
    private readonly List<DeliveryIssue> _listed = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyList<DeliveryIssue> Listed => _listed;

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Add(DeliveryIssue issue)
    {
        var count = _counts[issue.Code] = _counts.GetValueOrDefault(issue.Code) + 1;
        if (count <= maxPerCode) _listed.Add(issue);
    }

    public void AddRange(IEnumerable<DeliveryIssue> issues)
    {
        foreach (var issue in issues) Add(issue);
    }

    /// <summary>The counts of both lists of a receipt (a code is either a rejection or a warning, never both).</summary>
    public static IReadOnlyDictionary<string, int> CountsOf(ReceiptIssues rejected, ReceiptIssues warnings) =>
        rejected.Counts.Concat(warnings.Counts).GroupBy(c => c.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);
}
