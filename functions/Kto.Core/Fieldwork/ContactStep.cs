namespace Kto.Core.Fieldwork;

/// <summary>One approach of a client: the invitation (0) or reminder n (n ≥ 1).</summary>
public readonly record struct ContactStep(int Number)
{
    public static ContactStep Invitation { get; } = new(0);

    public bool IsInvitation => Number == 0;

    /// <summary>The name used in records and reports: <c>invitation</c>, <c>reminder-1</c>, <c>reminder-2</c>, …</summary>
    public string Name => IsInvitation ? "invitation" : $"reminder-{Number}";

    public override string ToString() => Name;
}
