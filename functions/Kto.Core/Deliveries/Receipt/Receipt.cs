namespace Kto.Core.Deliveries;

/// <summary>
/// The answer to one delivered file, row by row (the receipt contract). Written as
/// <c>receipts/{company}/{file}.json</c> and printed by <c>./kto deliver</c>.
/// </summary>
public sealed record Receipt
{
    public required string Company { get; init; }
    public required string File { get; init; }
    public required string Status { get; init; }

    /// <summary>What the file was read as: <c>clients</c> (a client export) or <c>opdrachtgevers</c> (Blik op Werk), by its columns.</summary>
    public string Kind { get; init; } = Kinds.Clients;
    public int Rows { get; init; }
    public int Accepted { get; init; }
    public int Duplicates { get; init; }
    public IReadOnlyList<DeliveryIssue> Rejected { get; init; } = [];
    public IReadOnlyList<DeliveryIssue> Warnings { get; init; } = [];

    /// <summary>How many rejections and warnings of each code there were; the lists above hold at most the first 100 of each.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();
    public DeliveryIssue? Refusal { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }

    public static class Kinds
    {
        public const string Clients = "clients";
        public const string Opdrachtgevers = "opdrachtgevers";
    }

    public static string KindName(DeliveryKind kind) => kind == DeliveryKind.Opdrachtgevers ? Kinds.Opdrachtgevers : Kinds.Clients;

    public static class Statuses
    {
        public const string Accepted = "accepted";
        public const string Refused = "refused";
        public const string Duplicate = "duplicate";
    }
}
