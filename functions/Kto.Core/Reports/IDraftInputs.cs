namespace Kto.Core.Reports;

/// <summary>What a draft of any report kind was built from: at least the moment of its figures (the newest figures win).</summary>
public interface IDraftInputs
{
    DateTimeOffset GeneratedAt { get; }
}
