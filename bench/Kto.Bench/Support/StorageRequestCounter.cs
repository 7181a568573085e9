using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Text.RegularExpressions;
using Azure.Core.Diagnostics;

namespace Kto.Bench.Support;

/// <summary>
/// Counts the storage requests this process sends while it is on, by what they are (a table query with or without
/// <c>$select</c>, a point read, a write, a blob request), from the Azure SDK's own request events: how many reads a
/// run makes, to compare two ways of reading the same rows. Only the request line is looked at, never a body.
/// </summary>
public sealed partial class StorageRequestCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly AzureEventSourceListener listener;
    private volatile bool on;

    public StorageRequestCounter()
    {
        listener = new AzureEventSourceListener(Count, EventLevel.Informational);
    }

    /// <summary>Starts counting from zero.</summary>
    public void Start()
    {
        counts.Clear();
        on = true;
    }

    /// <summary>Stops counting and gives what was counted, by kind.</summary>
    public IReadOnlyDictionary<string, int> Stop()
    {
        on = false;
        return new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
    }

    private void Count(EventWrittenEventArgs e, string _)
    {
        if (!on || e.EventSource.Name != "Azure-Core" || e.EventName != "Request" || e.Payload is not { Count: >= 5 } payload) return;
        if (payload[1] is not string method || payload[2] is not string uri) return;
        var kind = payload[4] is string assembly && assembly.Contains("Blobs", StringComparison.Ordinal) ? $"blob {method}" : TableKindOf(method, new Uri(uri));
        counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>"services query (select)", "contacts point read", "reports PUT", "table transaction"…: the table and what the request does.</summary>
    private static string TableKindOf(string method, Uri address)
    {
        var path = Uri.UnescapeDataString(address.AbsolutePath);
        if (path.EndsWith("/$batch", StringComparison.Ordinal)) return "table transaction";
        var table = TableName().Match(path) is { Success: true } m ? m.Groups[1].Value : path;
        if (method != "GET") return $"{table} {method}";
        if (path.Contains("RowKey=", StringComparison.Ordinal)) return $"{table} point read";
        var query = Uri.UnescapeDataString(address.Query);
        return $"{table} query{(query.Contains("$select", StringComparison.Ordinal) ? " (select)" : "")}";
    }

    [GeneratedRegex(@"/devstoreaccount1/([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex TableName();

    public void Dispose() => listener.Dispose();
}
